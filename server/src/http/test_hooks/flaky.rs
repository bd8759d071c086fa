//! The second, "flaky" listener: the same app on another loopback port, which a
//! test can close (connections refused) and open again on the same port.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{oneshot, Mutex};

use crate::state::AppState;

/// How long closing or reopening may take before the hook gives up.
const SETTLE: Duration = Duration::from_secs(3);

#[derive(Debug, Default)]
pub struct Flaky {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// The port, once started: reopening binds it again.
    port: Option<u16>,
    /// Stops the running listener; `None` while it is down.
    stop: Option<oneshot::Sender<()>>,
}

impl Flaky {
    /// Binds a free loopback port and serves the app there.
    pub async fn start(&self, state: AppState) -> std::io::Result<SocketAddr> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let mut inner = self.inner.lock().await;
        if let Some(stop) = inner.stop.take() {
            let _ = stop.send(());
        }
        inner.port = Some(addr.port());
        inner.stop = Some(spawn(listener, state));
        Ok(addr)
    }

    /// Serves again on the same port; nothing to do when it is up.
    pub async fn up(&self, state: AppState) -> Result<(), String> {
        let mut inner = self.inner.lock().await;
        if inner.stop.is_some() {
            return Ok(());
        }
        let port = inner
            .port
            .ok_or("there is no flaky listener (the server binds one with --test-hooks)")?;
        let deadline = Instant::now() + SETTLE;
        let listener = loop {
            match TcpListener::bind(("127.0.0.1", port)).await {
                Ok(listener) => break listener,
                Err(e) if Instant::now() > deadline => {
                    return Err(format!("cannot bind 127.0.0.1:{port} again: {e}"))
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        };
        inner.stop = Some(spawn(listener, state));
        Ok(())
    }

    /// Stops accepting and closes the port; returns once connecting is refused.
    pub async fn down(&self) -> Result<(), String> {
        let mut inner = self.inner.lock().await;
        let (Some(stop), Some(port)) = (inner.stop.take(), inner.port) else {
            return Ok(());
        };
        let _ = stop.send(());
        let deadline = Instant::now() + SETTLE;
        while TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            if Instant::now() > deadline {
                return Err(format!("127.0.0.1:{port} still accepts connections"));
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        Ok(())
    }
}

/// Serves `listener` until the returned sender fires (or is dropped).
fn spawn(listener: TcpListener, state: AppState) -> oneshot::Sender<()> {
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(crate::serve(listener, state, async {
        let _ = stopped.await;
    }));
    stop
}
