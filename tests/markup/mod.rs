//! What the native tests that read the page's markup as a reader would share.

/// The text of markup with its tags dropped (each tag read as a space, so words in
/// neighbouring elements stay apart).
pub fn text_of(markup: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}
