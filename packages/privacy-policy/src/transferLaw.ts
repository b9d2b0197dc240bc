import { defineTransferLaw, type TransferLaw } from "@trunkiq/policy-law";

// The one place the transfer facts live: update a member or an adequacy decision here only.

/** EU member states (TEU Art. 52) and the EEA EFTA states (EEA Agreement): 30 countries. */
const eea = [
  ...["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV"],
  ...["LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"],
  ...["IS", "LI", "NO"],
] as const;

/** Destinations with an EU Commission adequacy decision (GDPR Art. 45(3)), with the decision. */
const euAdequacy = {
  AD: "Commission Decision 2010/625/EU (Andorra)",
  AR: "Commission Decision 2003/490/EC (Argentina)",
  CA: "Commission Decision 2002/2/EC (Canada: commercial organisations under PIPEDA only)",
  FO: "Commission Decision 2010/146/EU (Faroe Islands)",
  GG: "Commission Decision 2003/821/EC (Guernsey)",
  IL: "Commission Decision 2011/61/EU (Israel)",
  IM: "Commission Decision 2004/411/EC (Isle of Man)",
  JP: "Commission Implementing Decision (EU) 2019/419 (Japan)",
  JE: "Commission Decision 2008/393/EC (Jersey)",
  NZ: "Commission Implementing Decision 2013/65/EU (New Zealand)",
  KR: "Commission Implementing Decision (EU) 2022/254 (Republic of Korea)",
  CH: "Commission Decision 2000/518/EC (Switzerland)",
  GB: "Commission Implementing Decision (EU) 2021/1772 (United Kingdom)",
  UY: "Commission Decision 2012/484/EU (Uruguay)",
} as const;

const ukEeaAdequacy = /* @__PURE__ */ Object.fromEntries(
  eea.map((c) => [c, "DPA 2018 Sch. 21 para. 4: EEA states are adequate for UK exports"]),
);

/** Destinations adequate for UK exports (DPA 2018 s.17A, Sch. 21 and adequacy regulations). */
const ukAdequacy = {
  ...ukEeaAdequacy,
  GI: "DPA 2018 Sch. 21 para. 4 (Gibraltar)",
  AD: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Andorra)",
  AR: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Argentina)",
  CA: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Canada: PIPEDA organisations only)",
  FO: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Faroe Islands)",
  GG: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Guernsey)",
  IL: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Israel)",
  IM: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Isle of Man)",
  JP: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Japan)",
  JE: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Jersey)",
  NZ: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (New Zealand)",
  CH: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Switzerland)",
  UY: "DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (Uruguay)",
  KR: "The Data Protection (Adequacy) (Republic of Korea) Regulations 2022",
};

const scc = {
  law: "GDPR Art. 46(2)(c); Commission Implementing Decision (EU) 2021/914",
  obligation: {
    id: "apply-scc",
    message:
      "sign the EU Standard Contractual Clauses with the importer and assess the destination's law (transfer impact assessment)",
  },
};
const bcr = (law: string) => ({
  law,
  obligation: {
    id: "apply-bcr",
    message: "transfer only within the group bound by the approved Binding Corporate Rules",
  },
});
const dpf = (law: string) => ({
  law,
  to: ["US"],
  obligation: {
    id: "verify-dpf-certification",
    message:
      "check that the US importer's Data Privacy Framework certification is active and covers this data",
  },
});
const derogation = (law: string) => ({
  law,
  obligation: {
    id: "document-derogation",
    message:
      "last resort: record which Art. 49(1) derogation applies and why no Art. 46 safeguard could be used; occasional transfers only",
  },
});

const table = {
  section: "§8",
  text: "When we transfer personal data outside of these regions, we will ensure that appropriate safeguards are in place, such as the use of Standard Contractual Clauses (SCCs) or other lawful transfer mechanisms.",
  notCountries: {
    UK: "use GB, the ISO 3166-1 code of the United Kingdom (UK is only reserved)",
    EU: "the EU is not a country: name the member state",
  },
  regions: {
    eea: {
      section: "§8",
      text: "If you are located in the European Economic Area (EEA) ... When we transfer personal data outside of these regions, we will ensure that appropriate safeguards are in place",
      members: eea,
      adequate: euAdequacy,
      mechanisms: {
        scc,
        bcr: bcr("GDPR Art. 47"),
        dpf: dpf("Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)"),
        derogation: derogation("GDPR Art. 49(1)"),
      },
      refused: {
        "uk-idta": "the IDTA is a UK instrument: EEA exports need the EU SCCs (GDPR Art. 46(2)(c))",
        "uk-addendum":
          "the UK Addendum only adapts the EU SCCs for UK exports: EEA exports need the EU SCCs themselves",
      },
    },
    uk: {
      section: "§8",
      text: "If you are located in ... the UK ... When we transfer personal data outside of these regions, we will ensure that appropriate safeguards are in place",
      members: ["GB"],
      adequate: ukAdequacy,
      mechanisms: {
        "uk-idta": {
          law: "UK GDPR Art. 46(2)(d); International Data Transfer Agreement (DPA 2018 s.119A)",
          obligation: {
            id: "apply-uk-idta",
            message:
              "sign the UK International Data Transfer Agreement with the importer and carry out a transfer risk assessment",
          },
        },
        "uk-addendum": {
          law: "UK GDPR Art. 46(2)(d); International Data Transfer Addendum to the EU SCCs (DPA 2018 s.119A)",
          obligation: {
            id: "apply-uk-addendum",
            message:
              "sign the EU SCCs together with the UK Addendum and carry out a transfer risk assessment",
          },
        },
        bcr: bcr("UK GDPR Art. 47"),
        dpf: dpf(
          "The Data Protection (Adequacy) (United States of America) Regulations 2023 (UK Extension to the DPF)",
        ),
        derogation: derogation("UK GDPR Art. 49(1)"),
      },
      refused: {
        scc: "the EU SCCs alone do not serve for UK exports: add the UK Addendum or use the IDTA",
      },
    },
  },
} satisfies TransferLaw;

/**
 * §8 as data: the regions whose law restricts exports, their members, adequacy lists and the
 * safeguards each accepts. Facts as of the policy version; see `legal-notes.md`.
 */
export const transferLaw: TransferLaw = /* @__PURE__ */ defineTransferLaw(table);

type Regions = (typeof table)["regions"];

/** A transfer safeguard named in {@link transferLaw}: one a region accepts or refuses with a reason. */
export type TransferMechanism = {
  [R in keyof Regions]: keyof Regions[R]["mechanisms"] | keyof Regions[R]["refused"];
}[keyof Regions] &
  string;
