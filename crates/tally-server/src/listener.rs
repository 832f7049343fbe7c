//! The listening socket.

use anyhow::Context as _;
use socket2::{Domain, Socket, Type};
use std::net::{SocketAddr, TcpListener, ToSocketAddrs as _};

/// Binds `host:port`. With `reuse_port`, several processes can bind the
/// same port and the kernel spreads new connections across them: that is
/// how one machine holds more sockets than one process's descriptor limit.
///
/// # Errors
/// When the address does not resolve or cannot be bound.
pub fn bind(host: &str, port: u16, reuse_port: bool, backlog: i32) -> anyhow::Result<TcpListener> {
    let addr: SocketAddr = (host, port)
        .to_socket_addrs()
        .with_context(|| format!("resolving {host}"))?
        .next()
        .with_context(|| format!("{host} resolves to no address"))?;
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    socket.set_reuse_address(true)?;
    if reuse_port {
        socket.set_reuse_port(true)?;
    }
    socket
        .bind(&addr.into())
        .with_context(|| format!("binding {addr}"))?;
    socket.listen(backlog)?;
    socket.set_nonblocking(true)?;
    Ok(socket.into())
}
