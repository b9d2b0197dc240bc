// Mistakes the compiler must refuse, each with the sentence its error should read.
// Compiled only by compileErrors.test.ts, which pins the messages in mistakes.snapshot.txt.
import { defineDataMap } from "@trunkiq/policy-core";
import { policy } from "@trunkiq/privacy-policy";
import type { Kysely } from "kysely";
import { defineDatabaseMap, purposeScopes } from "../../src";
import { dataMap, guards } from "../support/database";
import type { Database } from "../support/schema";

defineDataMap(policy, {
  tables: {
    accounts: {
      subject: "id",
      // refused: accounts.email maps to e-mail, which is not a declared data category
      columns: { id: "account", email: "e-mail" },
    },
  },
});

defineDataMap(policy, {
  tables: {
    accounts: {
      // refused: the subject of accounts names account_id, which is not a mapped column of accounts
      subject: "account_id",
      columns: { id: "account" },
    },
  },
});

defineDataMap(policy, {
  tables: {
    kyc_documents: {
      subject: "account_id",
      columns: { account_id: "kyc-document" },
      // refused: the relationship-end anchor of kyc_documents is read from the subject's row, but the map declares no subjects table
      anchors: { "relationship-end": { ofSubject: "closed_at" } },
      // refused: kyc_documents names jurisdiction mars, which the policy does not declare; declared: eea, uk, us
      jurisdiction: { constant: "mars" },
    },
  },
});

defineDatabaseMap<Database>()(policy, {
  tables: {
    kyc_documents: {
      subject: "account_id",
      columns: {
        id: "not-personal",
        account_id: "kyc-document",
        document: "kyc-document",
        collected_at: "kyc-document",
        // refused: kyc_documents has no column scanned_at in the database
        scanned_at: "kyc-document",
      },
    },
    // refused: invoices is not a table of the database
    invoices: { subject: "number", columns: { number: "payment-transaction" } },
  },
});

defineDatabaseMap<Database>()(policy, {
  tables: {
    kyc_documents: {
      subject: "account_id",
      // refused: kyc_documents leaves collected_at, id unmapped: give each column a data category or not-personal
      columns: { account_id: "kyc-document", document: "kyc-document" },
    },
  },
});

declare const db: Kysely<Database>;
const marketing = purposeScopes(db, guards, dataMap).forPurpose("marketing");
// refused: marketing may never use kyc-document (§3)
marketing.selectFrom("kyc_documents", ["document"]);
// refused: marketing may never use call-detail-record (§3)
marketing.selectFrom("call_detail_records", ["id", "caller"]);
// refused: password is not a mapped column of accounts
marketing.selectFrom("accounts", ["password"]);
