// Mistakes the compiler must refuse, each with the sentence its error should read.
// Compiled only by compileErrors.test.ts, which pins the messages in mistakes.snapshot.txt.
import { bind, canShare, canUse, retentionFor, withRetention } from "../../src";

// refused: marketing may never use kyc-document (§3)
canUse("marketing", "kyc-document");
// refused: marketting is not a declared purpose; declared: abuse-prevention, account-management,
canUse("marketting", "account");
// refused: kyc is not a declared data category
canUse("kyc-verification", "kyc");
// refused: account may never be shared with data-broker (§4)
canShare("account", "data-broker");
// refused: payment-card may never be shared with analytics-vendor (§4)
canShare("payment-card", "analytics-vendor");
// refused: cdr is not a declared data category
retentionFor("cdr", { collectedAt: new Date() });
// refused: marketing may never use call-detail-record
bind("marketing", "call-detail-record", []);

// refused: call-detail-record in us must be kept at least 18 months (47 CFR 42.6
withRetention({ "call-detail-record": { us: { months: 12 } } });
// refused: account in us must be kept at least 18 months (47 CFR 42.6
withRetention({ account: { us: { years: 1 } } });
// refused: kyc-document in uk may be kept at most 5 years
withRetention({ "kyc-document": { uk: { years: 6 } } });
// refused: kyc-document in eea may be kept at most 10 years
withRetention({ "kyc-document": { eea: { years: 10, months: 1 } } });
// refused: communication-content in eea may not be kept after the relationship ends
withRetention({ "communication-content": { eea: { months: 1 } } });
// refused: call-detail-record in eea may be kept at most 12 months
withRetention({ "call-detail-record": { eea: { months: 13 } } });
// refused: website-usage in eea may be kept at most 13 months
withRetention({ "website-usage": { eea: { years: 2 } } });
// refused: payment-card in us may not be kept at all
withRetention({ "payment-card": { us: { months: 1 } } });
// refused: cdr is not a declared data category
withRetention({ cdr: { us: { months: 24 } } });
// refused: mars is not a declared jurisdiction; declared: us, eea, uk
withRetention({ "call-detail-record": { mars: { months: 24 } } });
