//! `CreditsText::actions` written as a JSON object (`{"video.generate":
//! "Video generation"}`) rather than a list of pairs, which is what a
//! translator expects to edit (`load` reads it back).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

type Pairs = Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]>;

pub(super) fn serialize<S: Serializer>(pairs: &Pairs, s: S) -> Result<S::Ok, S::Error> {
    let map: BTreeMap<&str, &str> = pairs.iter().map(|(k, v)| (&**k, &**v)).collect();
    map.serialize(s)
}
