//! Any bytes as an appraisal file: loading, validating and computing must never panic,
//! hang or return a non-finite figure for an appraisal that passed validation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnership_appraisal::model::{appraise, validate};
use partnership_appraisal::storage;

fuzz_target!(|data: &[u8]| {
    let Ok(appraisal) = storage::parse_bytes(data, "fuzz.ron") else {
        return;
    };
    if !validate(&appraisal).is_empty() {
        assert!(appraise(&appraisal).is_err());
        return;
    }
    let results = appraise(&appraisal).expect("valid appraisals compute");
    for o in &results.options {
        assert!(o.weighted_score.is_finite());
        assert!(o.with_optimism_bias.npsv_gbp.is_finite());
        assert!(o.without_optimism_bias.npsv_gbp.is_finite());
    }
    // Saving what was read gives it back.
    let text = storage::to_ron(&appraisal);
    assert_eq!(storage::parse_str(&text, "again.ron").expect("re-reads"), appraisal);
});
