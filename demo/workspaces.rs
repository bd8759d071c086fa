//! The reference server's demo workspaces (`--seed-demo`), as the host app would know them.

pub struct DemoWorkspace {
    pub id: &'static str,
    pub label: &'static str,
    pub token: &'static str,
}

pub const WORKSPACES: &[DemoWorkspace] = &[
    DemoWorkspace {
        id: "ws_pro_team",
        label: "Northwind Studio · Pro team (admin)",
        token: "tok_pro_admin",
    },
    DemoWorkspace {
        id: "ws_pro_team",
        label: "Northwind Studio · Pro team (member)",
        token: "tok_pro_member",
    },
    DemoWorkspace {
        id: "ws_trial",
        label: "New workspace · trial",
        token: "tok_trial_owner",
    },
    DemoWorkspace {
        id: "ws_free_empty",
        label: "Free · trial used up",
        token: "tok_free_owner",
    },
    DemoWorkspace {
        id: "ws_basic_limit",
        label: "Basic · monthly limit reached",
        token: "tok_basic_owner",
    },
    DemoWorkspace {
        id: "ws_expired",
        label: "Pro · subscription expired",
        token: "tok_expired_owner",
    },
    DemoWorkspace {
        id: "ws_past_due",
        label: "Basic · payment failing",
        token: "tok_past_due_owner",
    },
    DemoWorkspace {
        id: "ws_enterprise",
        label: "Enterprise",
        token: "tok_ent_owner",
    },
];
