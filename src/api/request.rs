//! A request as the client writes it: made into a fetch `Request` afresh for
//! each try (a body can be read once), with the try's abort signal.

use std::borrow::Cow;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortSignal, Headers, Request, RequestInit};

pub(crate) struct Outgoing<'a> {
    method: &'static str,
    url: &'a str,
    headers: Vec<(&'a str, Cow<'a, str>)>,
    body: Option<&'a str>,
}

impl<'a> Outgoing<'a> {
    pub fn get(url: &'a str) -> Self {
        Outgoing {
            method: "GET",
            url,
            headers: Vec::new(),
            body: None,
        }
    }

    /// A POST of JSON `body`.
    pub fn post(url: &'a str, body: &'a str) -> Self {
        Outgoing {
            method: "POST",
            body: Some(body),
            ..Outgoing::get(url)
        }
        .header("Content-Type", "application/json")
    }

    pub fn header(mut self, name: &'a str, value: impl Into<Cow<'a, str>>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// The fetch `Request`; the browser refuses a header name or value it
    /// cannot send, and that refusal is the error.
    pub fn request(&self, signal: Option<&AbortSignal>) -> Result<Request, JsValue> {
        let headers = Headers::new()?;
        for (name, value) in &self.headers {
            headers.append(name, value)?;
        }
        let init = RequestInit::new();
        init.set_method(self.method);
        init.set_headers(&headers);
        if let Some(body) = self.body {
            init.set_body(&JsValue::from_str(body));
        }
        init.set_signal(signal);
        Request::new_with_str_and_init(self.url, &init)
    }
}

/// What a failed `fetch` or header said, for [`super::ClientError::Offline`].
pub(crate) fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the request could not be sent".to_string())
}
