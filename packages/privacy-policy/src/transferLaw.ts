import { defineTransferLaw, type TransferLaw, type TransferMechanismOf } from "@trunkiq/policy-law";
import { policy } from "./policy";

// The one place the transfer facts live: update a member or an adequacy decision here only.

// Built in a function called as pure below, so a bundle that never asks about transfers drops
// the whole table.
function transferTable() {
  /** EU member states (TEU Art. 52) and the EEA EFTA states (EEA Agreement): 30 countries. */
  const eea = [
    ...["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV"],
    ...["LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"],
    ...["IS", "LI", "NO"],
  ] as const;

  /** An adequacy entry: the instrument, the first day it applies and, where it lapses, the last. */
  const decided = (decision: string, from: string, until?: string) =>
    until === undefined ? { decision, from } : { decision, from, until };

  /** Destinations with an EU Commission adequacy decision (GDPR Art. 45(3)), with its days. */
  const euAdequacy = {
    AD: decided("Commission Decision 2010/625/EU (Andorra)", "2010-10-19"),
    AR: decided("Commission Decision 2003/490/EC (Argentina)", "2003-06-30"),
    CA: decided(
      "Commission Decision 2002/2/EC (Canada: commercial organisations under PIPEDA only)",
      "2001-12-20",
    ),
    FO: decided("Commission Decision 2010/146/EU (Faroe Islands)", "2010-03-05"),
    GG: decided("Commission Decision 2003/821/EC (Guernsey)", "2003-11-21"),
    IL: decided("Commission Decision 2011/61/EU (Israel)", "2011-01-31"),
    IM: decided("Commission Decision 2004/411/EC (Isle of Man)", "2004-04-28"),
    JP: decided("Commission Implementing Decision (EU) 2019/419 (Japan)", "2019-01-23"),
    JE: decided("Commission Decision 2008/393/EC (Jersey)", "2008-05-08"),
    NZ: decided("Commission Implementing Decision 2013/65/EU (New Zealand)", "2012-12-19"),
    KR: decided("Commission Implementing Decision (EU) 2022/254 (Republic of Korea)", "2021-12-17"),
    CH: decided("Commission Decision 2000/518/EC (Switzerland)", "2000-07-26"),
    // Art. 4 of the decision: it expires on 27 June 2025 unless extended. An extension or renewal
    // goes here as its own entry once its text is confirmed; until then EEA → GB needs a safeguard.
    GB: decided(
      "Commission Implementing Decision (EU) 2021/1772 (United Kingdom)",
      "2021-06-28",
      "2025-06-27",
    ),
    UY: decided("Commission Decision 2012/484/EU (Uruguay)", "2012-08-21"),
  };

  // UK adequacy regulations apply from the end of the transition period (DPA 2018 Sch. 21).
  const UK_FROM = "2021-01-01";
  const ukEeaAdequacy = /* @__PURE__ */ Object.fromEntries(
    eea.map((c) => [
      c,
      decided("DPA 2018 Sch. 21 para. 4: EEA states are adequate for UK exports", UK_FROM),
    ]),
  );
  const keptInUkLaw = (country: string) =>
    decided(`DPA 2018 Sch. 21 para. 5: EU decision kept in UK law (${country})`, UK_FROM);

  /** Destinations adequate for UK exports (DPA 2018 s.17A, Sch. 21 and adequacy regulations). */
  const ukAdequacy = {
    ...ukEeaAdequacy,
    GI: decided("DPA 2018 Sch. 21 para. 4 (Gibraltar)", UK_FROM),
    AD: keptInUkLaw("Andorra"),
    AR: keptInUkLaw("Argentina"),
    CA: keptInUkLaw("Canada: PIPEDA organisations only"),
    FO: keptInUkLaw("Faroe Islands"),
    GG: keptInUkLaw("Guernsey"),
    IL: keptInUkLaw("Israel"),
    IM: keptInUkLaw("Isle of Man"),
    JP: keptInUkLaw("Japan"),
    JE: keptInUkLaw("Jersey"),
    NZ: keptInUkLaw("New Zealand"),
    CH: keptInUkLaw("Switzerland"),
    UY: keptInUkLaw("Uruguay"),
    KR: decided(
      "The Data Protection (Adequacy) (Republic of Korea) Regulations 2022",
      "2022-12-19",
    ),
  };

  // The revised FADP and its ordinance (DPO) apply from 1 September 2023; the Federal Council
  // lists adequate states in DPO Annex 1 (FADP Art. 16(1)).
  const CH_FROM = "2023-09-01";
  const swissAnnex = (country: string) =>
    decided(`DPO Annex 1, FADP Art. 16(1) (${country})`, CH_FROM);

  /** Destinations adequate for Swiss exports (FADP Art. 16(1); DPO Art. 8 and Annex 1). */
  const swissAdequacy = {
    ...Object.fromEntries(eea.map((c) => [c, swissAnnex(c)])),
    GB: swissAnnex("United Kingdom"),
    GI: swissAnnex("Gibraltar"),
    AD: swissAnnex("Andorra"),
    AR: swissAnnex("Argentina"),
    CA: swissAnnex("Canada"),
    FO: swissAnnex("Faroe Islands"),
    GG: swissAnnex("Guernsey"),
    IM: swissAnnex("Isle of Man"),
    IL: swissAnnex("Israel"),
    JE: swissAnnex("Jersey"),
    MC: swissAnnex("Monaco"),
    NZ: swissAnnex("New Zealand"),
    UY: swissAnnex("Uruguay"),
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

  // §8's safeguards sentence, as the declaration's transfer commitment quotes it.
  const { section, text } = policy.commitments.transfers;
  // Each region's clause: where the reader is located, then the safeguards sentence.
  const SAFEGUARDS = text.slice(0, text.indexOf(", such as"));

  return {
    section,
    text,
    notCountries: {
      UK: "use GB, the ISO 3166-1 code of the United Kingdom (UK is only reserved)",
      EU: "the EU is not a country: name the member state",
    },
    regions: {
      eea: {
        section: "§8",
        text: `If you are located in the European Economic Area (EEA) ... ${SAFEGUARDS}`,
        members: eea,
        adequate: euAdequacy,
        mechanisms: {
          scc,
          bcr: bcr("GDPR Art. 47"),
          dpf: dpf(
            "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)",
          ),
          derogation: derogation("GDPR Art. 49(1)"),
        },
        refused: {
          "uk-idta":
            "the IDTA is a UK instrument: EEA exports need the EU SCCs (GDPR Art. 46(2)(c))",
          "uk-addendum":
            "the UK Addendum only adapts the EU SCCs for UK exports: EEA exports need the EU SCCs themselves",
        },
      },
      uk: {
        section: "§8",
        text: `If you are located in ... the UK ... ${SAFEGUARDS}`,
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
      // FADP Art. 16-17: exports from Switzerland need an adequate destination or a safeguard.
      switzerland: {
        section: "§8",
        text: `If you are located in ... other regions with laws governing data collection and use ... ${SAFEGUARDS}`,
        members: ["CH"],
        adequate: swissAdequacy,
        mechanisms: {
          scc: {
            law: "FADP Art. 16(2)(d): the EU SCCs as recognised by the FDPIC, adapted to Swiss law",
            obligation: {
              id: "apply-scc",
              message:
                "sign the EU Standard Contractual Clauses with the Swiss adaptations (FDPIC) and assess the destination's law",
            },
          },
          bcr: bcr("FADP Art. 16(2)(e)"),
          dpf: dpf(
            "DPO Annex 1: Swiss-US Data Privacy Framework, certified importers (from 2024-09-15)",
          ),
          derogation: {
            law: "FADP Art. 17(1)",
            obligation: {
              id: "document-derogation",
              message:
                "last resort: record which FADP Art. 17(1) exception applies and why no Art. 16(2) safeguard could be used",
            },
          },
        },
        refused: {
          "uk-idta":
            "the IDTA is a UK instrument: Swiss exports need FDPIC-recognised clauses (FADP Art. 16(2)(d))",
          "uk-addendum":
            "the UK Addendum only adapts the EU SCCs for UK exports: Swiss exports need the Swiss adaptations",
        },
      },
    },
  } satisfies TransferLaw;
}

/**
 * §8 as data: the regions whose law restricts exports (the EEA, the UK, Switzerland), their
 * members, adequacy decisions with the days they apply, and the safeguards each accepts.
 */
export const transferLaw: TransferLaw = /* @__PURE__ */ defineTransferLaw(
  /* @__PURE__ */ transferTable(),
);

/** A transfer safeguard named in {@link transferLaw}: one a region accepts or refuses with a reason. */
export type TransferMechanism = TransferMechanismOf<ReturnType<typeof transferTable>>;
