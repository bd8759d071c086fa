use credits_core::Problem;

/// Why a request to the credits API did not give an answer the components can use.
///
/// One variant per thing a person must be told differently.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    /// The request never got an HTTP answer: offline, refused connection, CORS, DNS.
    #[error("the credits service could not be reached: {0}")]
    Network(String),
    /// The service answered with a non-2xx status; `problem` is its problem+json body when it sent one.
    #[error("the credits service answered HTTP {status}{}", problem.as_deref().and_then(|p| p.detail.as_deref()).map(|d| format!(": {d}")).unwrap_or_default())]
    Http {
        status: u16,
        problem: Option<Box<Problem>>,
    },
    /// A 2xx answer whose body is not the JSON the contract promises.
    #[error("the credits service's answer could not be read: {0}")]
    Decode(String),
    /// The component is not inside a `CreditsProvider`: a host set-up mistake.
    #[error("no CreditsProvider above this component")]
    NoProvider,
}

impl ClientError {
    /// The problem the service sent, if any.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ClientError::Http { problem, .. } => problem.as_deref(),
            _ => None,
        }
    }

    /// A stable word for the kind of failure, for `data-error` attributes and host logic.
    pub fn kind(&self) -> &'static str {
        match self {
            ClientError::Network(_) => "network",
            ClientError::Http { status: 401, .. } => "unauthorized",
            ClientError::Http { status, .. } if *status >= 500 => "server",
            ClientError::Http { .. } => "refused",
            ClientError::Decode(_) => "decode",
            ClientError::NoProvider => "no_provider",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_tell_failures_apart() {
        assert_eq!(ClientError::Network("x".into()).kind(), "network");
        assert_eq!(
            ClientError::Http {
                status: 401,
                problem: None
            }
            .kind(),
            "unauthorized"
        );
        assert_eq!(
            ClientError::Http {
                status: 503,
                problem: None
            }
            .kind(),
            "server"
        );
        assert_eq!(
            ClientError::Http {
                status: 422,
                problem: None
            }
            .kind(),
            "refused"
        );
        assert_eq!(ClientError::Decode("items".into()).kind(), "decode");
    }

    #[test]
    fn message_carries_the_problem_detail() {
        let p = Problem::new(
            422,
            "invalid_setting",
            "Invalid setting",
            "count must be between 1 and 16",
        );
        let e = ClientError::Http {
            status: 422,
            problem: Some(Box::new(p)),
        };
        assert_eq!(
            e.to_string(),
            "the credits service answered HTTP 422: count must be between 1 and 16"
        );
    }
}
