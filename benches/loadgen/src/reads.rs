//! The audience's reads under load.

use crate::conn::{source, Conn};
use crate::scenarios::{closed_loop, create, deck, print_summary, summary};
use hyper::Method;
use std::net::SocketAddr;

/// The audience's reads, each closed-loop on keep-alive connections for
/// `seconds`: the poll on screen, the join code, the presentation. Each
/// prints a summary under its own scenario name.
pub async fn reads(
    target: SocketAddr,
    sources: usize,
    connections: usize,
    seconds: u64,
    prefix: &str,
) -> anyhow::Result<()> {
    let mut conn = Conn::open(target, source(0, 1)).await?;
    let created = create(&mut conn, &deck(10)).await?;
    for (scenario, path) in [
        (
            "read-current",
            format!("/presentations/{}/polls/current", created.id),
        ),
        ("read-join", format!("/join/{}", created.join_code)),
        (
            "read-presentation",
            format!("/presentations/{}", created.id),
        ),
    ] {
        let outcomes = closed_loop(target, sources, connections, seconds, move |_, _| {
            (Method::GET, path.clone(), None, None)
        })
        .await?;
        print_summary(&summary(
            &format!("{prefix}{scenario}"),
            &outcomes,
            200,
            None,
        ))?;
    }
    Ok(())
}
