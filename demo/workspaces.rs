//! The reference server's demo workspaces (`--seed-demo`), as the host app would know them.

pub struct DemoWorkspace {
    pub id: &'static str,
    pub label: &'static str,
    pub token: &'static str,
}

pub const WORKSPACES: &[DemoWorkspace] = &[
    DemoWorkspace {
        id: "ws_pro_team",
        label: "Northwind Studio — Pro, shared pool (Ari, admin)",
        token: "tok_pro_admin",
    },
    DemoWorkspace {
        id: "ws_pro_team",
        label: "Northwind Studio — Pro, shared pool (Kim, member)",
        token: "tok_pro_member",
    },
    DemoWorkspace {
        id: "ws_trial",
        label: "Pinecone Prototypes — trial",
        token: "tok_trial_owner",
    },
    DemoWorkspace {
        id: "ws_free_empty",
        label: "Lumen Sketchbook — Free, trial used up",
        token: "tok_free_owner",
    },
    DemoWorkspace {
        id: "ws_basic_limit",
        label: "Harbor Lane Photo — Basic, monthly limit reached",
        token: "tok_basic_owner",
    },
    DemoWorkspace {
        id: "ws_expired",
        label: "Tidewater Films — Pro, subscription expired",
        token: "tok_expired_owner",
    },
    DemoWorkspace {
        id: "ws_past_due",
        label: "Cobalt & Clay — Basic, payment failing",
        token: "tok_past_due_owner",
    },
    DemoWorkspace {
        id: "ws_enterprise",
        label: "Atlas Media Group — Enterprise",
        token: "tok_ent_owner",
    },
];
