//! `CreditsText::actions` as a JSON object (`{"video.generate": "Video generation"}`)
//! rather than a list of pairs, which is what a translator expects to edit.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

type Pairs = Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]>;

pub(super) fn serialize<S: Serializer>(pairs: &Pairs, s: S) -> Result<S::Ok, S::Error> {
    let map: BTreeMap<&str, &str> = pairs.iter().map(|(k, v)| (&**k, &**v)).collect();
    map.serialize(s)
}

pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Pairs, D::Error> {
    let map = BTreeMap::<String, String>::deserialize(d)?;
    Ok(Cow::Owned(
        map.into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (Cow::Owned(k), Cow::Owned(v)))
            .collect(),
    ))
}
