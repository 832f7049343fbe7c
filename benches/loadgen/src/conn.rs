//! HTTP/1.1 connections from chosen loopback source addresses.

use anyhow::{ensure, Context as _};
use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper::client::conn::http1::{self, SendRequest};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use nix::sys::socket::sockopt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use tokio::net::{TcpSocket, TcpStream};

/// The source address for connection `n`: 127.0.0.2 .. 127.0.0.(1+sources).
/// Spreading sources multiplies the ephemeral ports available towards one
/// server port, which 30,000 sockets need.
pub fn source(n: usize, sources: usize) -> IpAddr {
    let last = u8::try_from(2 + n % sources.max(1)).unwrap_or(2);
    IpAddr::V4(Ipv4Addr::new(127, 0, 0, last))
}

/// Only loopback targets are allowed: this tool must never load anything
/// else.
pub fn check_target(target: SocketAddr) -> anyhow::Result<()> {
    ensure!(
        target.ip().is_loopback(),
        "target {target} is not a loopback address"
    );
    Ok(())
}

/// A TCP connection to `target` from `source`. The port is chosen at
/// connect time (`IP_BIND_ADDRESS_NO_PORT`), by the whole 4-tuple: bound
/// first, the kernel would search for a port free towards *any*
/// destination, a search that cost the join burst tens of CPU seconds
/// once tens of thousands of sockets (and their TIME_WAITs) held ports.
pub async fn connect(target: SocketAddr, source: IpAddr) -> anyhow::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    nix::sys::socket::setsockopt(&socket, sockopt::IpBindAddressNoPort, &true)?;
    socket
        .bind(SocketAddr::new(source, 0))
        .context("binding the source address")?;
    let stream = socket.connect(target).await.context("connecting")?;
    stream.set_nodelay(true)?;
    Ok(stream)
}

/// One keep-alive HTTP/1.1 connection.
pub struct Conn {
    sender: SendRequest<Full<Bytes>>,
    host: String,
}

impl Conn {
    pub async fn open(target: SocketAddr, source: IpAddr) -> anyhow::Result<Self> {
        let stream = connect(target, source).await?;
        let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok(Self {
            sender,
            host: target.to_string(),
        })
    }

    /// As [`Self::request`], without a token.
    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        body: Option<Bytes>,
    ) -> anyhow::Result<(StatusCode, Bytes)> {
        self.request(method, path, body, None).await
    }

    /// As [`Self::request`], with the presenter's bearer token and no body.
    pub async fn send_authorized(
        &mut self,
        method: Method,
        path: &str,
        token: &str,
    ) -> anyhow::Result<(StatusCode, Bytes)> {
        self.request(method, path, None, Some(token)).await
    }

    /// Sends a request (with `token` as a bearer token, if any) and reads
    /// the whole response; returns the status and body.
    pub async fn request(
        &mut self,
        method: Method,
        path: &str,
        body: Option<Bytes>,
        token: Option<&str>,
    ) -> anyhow::Result<(StatusCode, Bytes)> {
        self.request_with(method, path, body, token, &[]).await
    }

    /// As [`Self::request`], with `headers` besides.
    pub async fn request_with(
        &mut self,
        method: Method,
        path: &str,
        body: Option<Bytes>,
        token: Option<&str>,
        headers: &[(&str, &str)],
    ) -> anyhow::Result<(StatusCode, Bytes)> {
        self.sender.ready().await?;
        let body = body.unwrap_or_default();
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("host", &self.host)
            .header("content-type", "application/json")
            .header("content-length", body.len());
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = self
            .sender
            .send_request(request.body(Full::new(body))?)
            .await?;
        let status = response.status();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok((status, bytes))
    }
}
