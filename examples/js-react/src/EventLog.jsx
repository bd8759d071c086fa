import { useCallback, useState } from "react";

const EVENTS = ["error", "pick", "short", "draft-first", "open-change", "generate", "refused", "dismiss",
  "renew", "fix-payment", "upgrade", "close", "top-up", "ask-admin", "purchase"].map((name) => `credits-${name}`);

/// Every event the elements send, with its detail: a ref callback for the
/// element they bubble through, and the list so far.
export function useEventLog() {
  const [events, setEvents] = useState([]);
  const ref = useCallback((root) => {
    if (!root) return undefined;
    const log = (e) => setEvents((list) => [...list, { type: e.type, detail: JSON.stringify(e.detail ?? null) }]);
    for (const type of EVENTS) root.addEventListener(type, log);
    return () => {
      for (const type of EVENTS) root.removeEventListener(type, log);
    };
  }, []);
  return [events, ref];
}

export function EventLog({ events }) {
  return (
    <>
      <h2>Events</h2>
      <ol id="event-log">
        {events.map((e, i) => <li key={i} data-type={e.type}>{`${e.type} ${e.detail}`}</li>)}
      </ol>
    </>
  );
}
