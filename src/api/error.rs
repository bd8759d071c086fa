use credits_core::Problem;

/// Why a request to the credits API did not give an answer the components can use.
///
/// One variant per thing a person must be told differently. `Clone + PartialEq`,
/// so it can live in a signal; large payloads are boxed to keep it small.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    /// The request never got an HTTP answer: offline, refused connection, DNS, CORS.
    #[error("the credits service could not be reached: {0}")]
    Offline(String),
    /// No answer within the client's timeout (after its retries).
    #[error("the credits service did not answer within {ms} ms")]
    TimedOut { ms: u32 },
    /// 5xx, or 429 after the retries ran out: the service's trouble, not the member's.
    #[error("the credits service failed (HTTP {status}){}", detail(problem))]
    Server {
        status: u16,
        problem: Option<Box<Problem>>,
    },
    /// 401: the member's token is missing, expired or not accepted.
    #[error("the credits service did not accept the sign-in{}", detail(.0))]
    Unauthorized(Option<Box<Problem>>),
    /// 402 `insufficient_credits`: not enough credits for the action.
    #[error("not enough credits: {0}")]
    InsufficientCredits(Box<InsufficientCredits>),
    /// 403 `feature_not_in_plan`: the plan does not include the action.
    #[error("the plan does not include this action (needs {})", .0.required_plan.as_deref().unwrap_or("another plan"))]
    FeatureNotInPlan(Box<FeatureNotInPlan>),
    /// Any other 4xx: the service refused the request, usually naming the field at fault.
    #[error(
        "the credits service refused the request (HTTP {status}){}",
        detail(problem)
    )]
    Refused {
        status: u16,
        problem: Option<Box<Problem>>,
    },
    /// A 2xx answer that is not the JSON the contract promises; `field` is the
    /// path of the value at fault (e.g. `items[0].credits`), empty for the whole body.
    #[error("the credits service's answer could not be read at `{field}`: {message}")]
    Decode { field: String, message: String },
    /// A newer request replaced this one. The hooks drop it; it is never shown.
    #[error("superseded by a newer request")]
    Aborted,
    /// The component is not inside a `CreditsProvider`: a host set-up mistake.
    #[error("no CreditsProvider above this component")]
    NoProvider,
    /// Called where there is no browser (a server render): the client speaks
    /// through the browser's `fetch` only. Components never ask there.
    #[error("the credits client runs in the browser only, not on the server")]
    NotInBrowser,
    /// `with_token` or `with_header` was given a name or value HTTP cannot
    /// carry (CR, LF, NUL, another control character, or a character above
    /// U+00FF): nothing is sent. `name` is the header's (`Authorization` for
    /// the token); the value is never repeated.
    #[error("the header `{name}` cannot be sent: it has a character HTTP does not allow")]
    InvalidHeader { name: String },
}

/// The fields of a 402 `insufficient_credits` problem, for an out-of-credits prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InsufficientCredits {
    /// `monthly_limit_reached`, `subscription_expired`, `shared_pool_exhausted`,
    /// `trial_exhausted`, or a word a newer server adds.
    pub reason: Option<String>,
    /// Credits the action costs.
    pub needed: Option<u64>,
    /// Credits the workspace has.
    pub balance: Option<u64>,
    /// When the allowance renews (RFC 3339), if it does.
    pub resets_at: Option<String>,
    /// The plan that would cover it, e.g. `pro`.
    pub suggested_plan: Option<String>,
    /// The whole problem, for its `detail` and anything else it carries.
    pub problem: Problem,
}

impl std::fmt::Display for InsufficientCredits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.needed, self.balance) {
            (Some(n), Some(b)) => write!(f, "needs {n}, has {b}"),
            _ => f.write_str(
                self.problem
                    .detail
                    .as_deref()
                    .unwrap_or("insufficient_credits"),
            ),
        }
    }
}

/// The fields of a 403 `feature_not_in_plan` problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeatureNotInPlan {
    /// The cheapest plan that includes the action, e.g. `pro`.
    pub required_plan: Option<String>,
    pub problem: Problem,
}

fn detail(problem: &Option<Box<Problem>>) -> String {
    problem
        .as_deref()
        .and_then(|p| p.detail.as_deref())
        .map(|d| format!(": {d}"))
        .unwrap_or_default()
}

impl ClientError {
    /// The error for a non-2xx answer, from its status and (possibly absent or
    /// unreadable) problem body. Never fails: an unreadable body still gives
    /// the variant its status calls for.
    pub fn from_answer(status: u16, problem: Option<Problem>) -> ClientError {
        let code = problem.as_ref().map(|p| p.code.as_str());
        match (status, code) {
            (401, _) => ClientError::Unauthorized(problem.map(Box::new)),
            (402, None | Some("insufficient_credits")) => {
                let problem = problem.unwrap_or_else(|| {
                    Problem::new(402, "insufficient_credits", "Insufficient credits", "")
                });
                ClientError::InsufficientCredits(Box::new(InsufficientCredits {
                    reason: problem.reason.clone(),
                    needed: problem.needed,
                    balance: problem.balance,
                    resets_at: problem.resets_at.clone(),
                    suggested_plan: problem.suggested_plan.clone(),
                    problem,
                }))
            }
            (403, Some("feature_not_in_plan")) => {
                let problem = problem.unwrap_or_else(|| {
                    Problem::new(403, "feature_not_in_plan", "Feature not in plan", "")
                });
                ClientError::FeatureNotInPlan(Box::new(FeatureNotInPlan {
                    required_plan: problem.required_plan.clone(),
                    problem,
                }))
            }
            (429, _) | (500..=599, _) => ClientError::Server {
                status,
                problem: problem.map(Box::new),
            },
            _ => ClientError::Refused {
                status,
                problem: problem.map(Box::new),
            },
        }
    }

    /// The problem the service sent, if any.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ClientError::Server { problem, .. }
            | ClientError::Refused { problem, .. }
            | ClientError::Unauthorized(problem) => problem.as_deref(),
            ClientError::InsufficientCredits(i) => Some(&i.problem),
            ClientError::FeatureNotInPlan(f) => Some(&f.problem),
            _ => None,
        }
    }

    /// The HTTP status of the answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Server { status, .. } | ClientError::Refused { status, .. } => {
                Some(*status)
            }
            ClientError::Unauthorized(_) => Some(401),
            ClientError::InsufficientCredits(_) => Some(402),
            ClientError::FeatureNotInPlan(_) => Some(403),
            _ => None,
        }
    }

    /// Whether asking again later may succeed on its own: no answer, a timeout
    /// or the service's own failure. Refusals (4xx) never are.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ClientError::Offline(_) | ClientError::TimedOut { .. } | ClientError::Server { .. }
        )
    }

    /// A stable word for the kind of failure, for `data-error` attributes and host logic.
    pub fn kind(&self) -> &'static str {
        match self {
            ClientError::Offline(_) => "offline",
            ClientError::TimedOut { .. } => "timed_out",
            ClientError::Server { .. } => "server",
            ClientError::Unauthorized(_) => "unauthorized",
            ClientError::InsufficientCredits(_) => "insufficient_credits",
            ClientError::FeatureNotInPlan(_) => "feature_not_in_plan",
            ClientError::Refused { .. } => "refused",
            ClientError::Decode { .. } => "decode",
            ClientError::Aborted => "aborted",
            ClientError::NoProvider => "no_provider",
            ClientError::NotInBrowser => "not_in_browser",
            ClientError::InvalidHeader { .. } => "invalid_header",
        }
    }
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
