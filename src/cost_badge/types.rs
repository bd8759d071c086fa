/// What a [`super::CostBadge`] is showing; its `data-state` attribute.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum BadgeState {
    #[default]
    Loading,
    /// A cost in credits.
    Ready,
    /// A zero-cost action: "Free", no number.
    Free,
    /// The plan does not include the action.
    Blocked,
    Error,
}

impl BadgeState {
    pub fn as_str(self) -> &'static str {
        match self {
            BadgeState::Loading => "loading",
            BadgeState::Ready => "ready",
            BadgeState::Free => "free",
            BadgeState::Blocked => "blocked",
            BadgeState::Error => "error",
        }
    }
}
