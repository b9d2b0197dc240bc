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
// refused: kyc-document in us must be kept at least 5 years (31 CFR 1010.430(d): 5 years, §7)
withRetention({ "kyc-document": { us: { years: 1 } } });
// refused: kyc-document in eea must be kept at least 5 years (Directive (EU) 2015/849
withRetention({ "kyc-document": { eea: { years: 4, months: 11 } } });
// refused: website-usage in eea may be kept at most 13 months
withRetention({ "website-usage": { eea: { years: 2 } } });
// refused: payment-card in us may not be kept at all
withRetention({ "payment-card": { us: { months: 1 } } });
// refused: cdr is not a declared data category
withRetention({ cdr: { us: { months: 24 } } });
// refused: mars is not a declared jurisdiction; declared: us, eea, uk
withRetention({ "call-detail-record": { mars: { months: 24 } } });
