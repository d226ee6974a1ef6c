//! Every sentence a person reads, in one place: the model returns facts (numbers, indices,
//! enums) and these functions say them in words, for the window and for every report alike.
//! Plain text: each output format escapes it its own way.

pub mod files;
pub mod finance;
pub mod glossary;
pub mod groups;
pub mod inputs;
pub mod method;
pub mod results;
pub mod robustness;
pub mod scales;
pub mod workshop;

/// "A", "A and B", "A, B and C".
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// "Officers' weights", "Youth panel's weights".
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_possessives_read_as_english() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(possessive("Officers"), "Officers'");
        assert_eq!(possessive("Youth panel"), "Youth panel's");
    }
}
