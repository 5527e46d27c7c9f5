//! A published JSON Schema generated from the Rust types and held to the committed file.
//! Included with `#[path]` by the tests of each schema (the dataset's, the texts files').

/// The JSON Schema of `T` as the site publishes it: its `$id` and description set,
/// pretty-printed with a final newline.
pub fn generated<T: schemars::JsonSchema>(id: &str, description: &str) -> String {
    let mut schema = schemars::schema_for!(T);
    schema.insert("$id".into(), id.into());
    schema.insert("description".into(), description.into());
    serde_json::to_string_pretty(&schema).expect("a schema serializes") + "\n"
}

/// Fails, naming `path` and `make schema`, unless the committed file equals `fresh`;
/// with `UPDATE_SCHEMA` set it writes `fresh` there instead.
pub fn committed_matches(path: &str, fresh: &str) {
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, fresh).expect("write the schema");
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == fresh, "{path} is stale: run `make schema` and commit it");
}
