//! Fuzz the share-link decoder and the engine behind it: any bytes (read as lossy UTF-8) must
//! decode without panicking, with a bounded number of notices; a decoded scenario must evaluate
//! without panicking, to an error or to a report with no NaN or infinity anywhere in it; and it
//! must re-encode to a link that decodes to the same scenario and view options, without notices
//! and bit for bit (or, when the re-encoded link is too long to share, be refused by length).

#![no_main]

use libfuzzer_sys::fuzz_target;
use restack::engine::{evaluate, non_finite_paths};
use restack::share::{decode, encode, Notice, MAX_LINK_CHARS, MAX_NOTICES};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let decoded = decode(&text);
    assert!(decoded.notices.len() <= MAX_NOTICES + 1);
    for notice in &decoded.notices {
        assert!(!notice.to_string().is_empty());
    }
    let Some(scenario) = &decoded.scenario else {
        return;
    };
    if let Ok(report) = evaluate(scenario) {
        let bad = non_finite_paths(&report);
        assert!(bad.is_empty(), "non-finite at {bad:?}");
    }
    let link = encode(scenario, &decoded.view);
    let again = decode(&link);
    if link.chars().count() > MAX_LINK_CHARS {
        assert_eq!(again.scenario, None);
        assert!(matches!(again.notices.as_slice(), [Notice::TooLong { .. }]));
        return;
    }
    assert!(again.notices.is_empty(), "{link}: {:?}", again.notices);
    assert_eq!(again.scenario.as_ref(), Some(scenario), "{link}");
    assert_eq!(again.view, decoded.view, "{link}");
    // Bit-exact: the shortest text of a finite f64 is unique to its bits.
    let relinked = again
        .scenario
        .as_ref()
        .map(|s| encode(s, &again.view))
        .unwrap_or_default();
    assert_eq!(relinked, link);
});
