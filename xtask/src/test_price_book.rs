//! The price book the browser tests' server uses: the shipped one, plus an
//! image model whose name is markup, so the tests can check that a hostile
//! string in a quote's breakdown renders as text.

use std::fs;
use std::path::PathBuf;

use crate::workspace::Workspace;
use crate::Result;

/// Must match `HOSTILE_MODEL` in tests/cost_estimator.rs.
pub const HOSTILE_MODEL: &str = "<img src=x onerror=window.lcPwned=1>";

/// Writes `target/xtask/test-price-book.toml` and returns its path.
pub fn write(ws: &Workspace) -> Result<PathBuf> {
    let shipped = ws.root.join("server/data/price-book.toml");
    let text = fs::read_to_string(&shipped)
        .map_err(|e| format!("cannot read {}: {e}", shipped.display()))?;
    let with_hostile = add_hostile_model(&text)?;
    let path = ws.scratch_dir()?.join("test-price-book.toml");
    fs::write(&path, with_hostile).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// The price book with the hostile model (price factor 1) under `[image.models]`.
pub fn add_hostile_model(price_book: &str) -> Result<String> {
    const TABLE: &str = "[image.models]\n";
    let at = price_book
        .find(TABLE)
        .ok_or("the shipped price book has no [image.models] table")?
        + TABLE.len();
    Ok(format!(
        "{}{HOSTILE_MODEL:?} = 1\n{}",
        &price_book[..at],
        &price_book[at..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hostile_model_lands_in_the_image_models_table() {
        let book = "[image]\nx = 1\n\n[image.models]\n\"aurora-2\" = 1\n\n[video.models]\n";
        let out = add_hostile_model(book).unwrap();
        assert!(out.contains(
            "[image.models]\n\"<img src=x onerror=window.lcPwned=1>\" = 1\n\"aurora-2\" = 1\n"
        ));
        assert!(add_hostile_model("[video]\n").is_err());
    }
}
