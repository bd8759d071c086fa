import { useState } from "react";
import { EventLog, useEventLog } from "./EventLog.jsx";

// The reference server's demo tokens; a real host has the signed-in person's.
const WORKSPACES = [
  { id: "ws_pro_team", name: "Northwind Studio (Pro)", token: "tok_pro_admin" },
  { id: "ws_basic_limit", name: "Harbor Lane Photo (Basic, 6 credits left)", token: "tok_basic_owner" },
];
const FIRST_ACTION = { action: "image.generate", quality: "standard", count: 4, width: 1024, height: 1024 };

export function App() {
  const [workspace, setWorkspace] = useState(WORKSPACES[0]);
  const [action, setAction] = useState(FIRST_ACTION);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(true);
  const [events, logRef] = useEventLog();

  // Generate is the host's to do: here it spends through the reference API.
  async function generate(e) {
    setBusy(true);
    try {
      await fetch(`/api/v1/workspaces/${workspace.id}/generations`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${workspace.token}`,
          "Content-Type": "application/json",
          "Idempotency-Key": crypto.randomUUID(),
        },
        body: JSON.stringify(e.detail.action),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div ref={logRef}>
      {shown && (
        // One provider: its surfaces share one balance and one quote cache.
        <credits-provider base-url="/api" workspace={workspace.id} token={workspace.token}>
          <header className="bar">
            <h1>Studio</h1>
            <span>Next run: <credits-cost-badge action={action} /></span>
          </header>
          <credits-low-balance />
          <form className="bar" onSubmit={(e) => e.preventDefault()}>
            <label>
              Workspace{" "}
              <select
                value={workspace.id}
                onChange={(e) => setWorkspace(WORKSPACES.find((w) => w.id === e.target.value))}
              >
                {WORKSPACES.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
              </select>
            </label>
            <label>
              Images{" "}
              <input
                type="number"
                min="1"
                max="16"
                value={action.count}
                onChange={(e) => {
                  const count = e.target.valueAsNumber;
                  if (count >= 1 && count <= 16) setAction({ ...action, count });
                }}
              />
            </label>
            <label>
              Quality{" "}
              <select value={action.quality} onChange={(e) => setAction({ ...action, quality: e.target.value })}>
                <option value="draft">Draft</option>
                <option value="standard">Standard</option>
                <option value="high">High</option>
              </select>
            </label>
            <credits-cost-badge action={action} />
            {/* React 19 listens to a custom element's `on<event name>` prop. */}
            <credits-cost-estimator action={action} oncredits-pick={(e) => setAction(e.detail.action)} />
            <credits-generate-button action={action} busy={busy} oncredits-generate={generate} />
          </form>
          {/* A refused Generate opens this prompt unless the host cancels `credits-refused`. */}
          <credits-out-of-credits />
        </credits-provider>
      )}
      <button type="button" onClick={() => setShown(false)}>Remove the credits elements</button>
      <EventLog events={events} />
    </div>
  );
}
