"""Email over SMTP, configured by the environment (docs/notify.md):

``PLANCLI_SMTP_HOST`` (required), ``PLANCLI_SMTP_PORT`` (default by TLS: 465 ssl, 587 starttls, 25
none), ``PLANCLI_SMTP_TLS`` = ``starttls`` | ``ssl`` | ``none`` (default: ``ssl`` on port 465,
``none`` for a relay on this machine — localhost, 127.0.0.1, ::1 — else ``starttls``),
``PLANCLI_SMTP_USER`` and ``PLANCLI_SMTP_PASSWORD`` (no login when unset: a local relay),
``PLANCLI_SMTP_FROM`` (the sender, ``督查室 <duban@example.gov.cn>``; default the user).

TLS verifies the server's certificate against the system's CAs (``SSL_CERT_FILE`` names a private
CA's bundle, as OpenSSL reads it). Each message is multipart/alternative, a plain-text part and an
HTML part, ``Auto-Submitted: auto-generated`` (RFC 3834: no auto-reply loops), and the unit's
workbook attached when asked.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from ..output.reminders import Outgoing
from .pacing import DeliveryError

__all__ = ["SmtpConfig", "smtp_config", "build_message", "send_message", "TLS_MODES"]

TLS_MODES = ("starttls", "ssl", "none")
_PORTS = {"ssl": 465, "starttls": 587, "none": 25}
_LOCAL = {"localhost", "127.0.0.1", "::1"}
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    tls: str
    user: str | None
    password: str | None  # never shown
    sender: str
    timeout: float = 20.0

    def shown(self) -> str:
        """The server as it may be shown (no password)."""
        login = f", login {self.user}" if self.user else ""
        return f"SMTP {self.host}:{self.port} ({self.tls}{login})"


def smtp_config(env: Mapping[str, str], timeout: float = 20.0) -> SmtpConfig:
    """The SMTP settings from the environment; a missing or unreadable one is a ``DeliveryError``
    (of the email channel only: the robots still go out)."""
    host = (env.get("PLANCLI_SMTP_HOST") or "").strip()
    if not host:
        raise DeliveryError("notify.smtp_missing")
    port_text = (env.get("PLANCLI_SMTP_PORT") or "").strip()
    try:
        port = int(port_text) if port_text else None
    except ValueError:
        raise DeliveryError("notify.smtp_port", given=port_text) from None
    if port is not None and not 0 < port < 65536:
        raise DeliveryError("notify.smtp_port", given=port_text)
    tls = (env.get("PLANCLI_SMTP_TLS") or "").strip().lower()
    if not tls:
        tls = "ssl" if port == 465 else "none" if host in _LOCAL else "starttls"
    if tls not in TLS_MODES:
        raise DeliveryError("notify.smtp_tls", given=tls)
    user = (env.get("PLANCLI_SMTP_USER") or "").strip() or None
    password = env.get("PLANCLI_SMTP_PASSWORD") or None
    if user and not password:
        raise DeliveryError("notify.smtp_password_missing")
    sender = (env.get("PLANCLI_SMTP_FROM") or "").strip() or (user if user and "@" in user else "")
    if not sender or "@" not in parseaddr(sender)[1]:
        raise DeliveryError("notify.smtp_from_missing")
    return SmtpConfig(host, port or _PORTS[tls], tls, user, password, sender, timeout)


def build_message(out: Outgoing, sender: str) -> EmailMessage:
    """The email of ``out``: subject, plain-text and HTML parts, the workbook attached if any."""
    msg = EmailMessage()
    msg["Subject"] = out.subject
    msg["From"] = sender
    msg["To"] = ", ".join(out.route.to)
    if out.route.cc:
        msg["Cc"] = ", ".join(out.route.cc)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid("plancli", domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(out.text)
    msg.add_alternative(out.html, subtype="html")
    if out.attachment is not None:
        msg.make_mixed()
        msg.add_attachment(out.attachment.read_bytes(), maintype=XLSX[0], subtype=XLSX[1],
                           filename=out.attachment.name)
    return msg


def _smtp_error(exc: Exception, host: str) -> DeliveryError:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return DeliveryError("notify.smtp_auth", smtp=exc.smtp_code, reply=_reply(exc.smtp_error))
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        status, reply = next(iter(exc.recipients.values()))
        return DeliveryError("notify.smtp_refused", smtp=status, reply=_reply(reply), transient=400 <= status < 500)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return DeliveryError("notify.smtp_no_starttls")
    if isinstance(exc, smtplib.SMTPResponseException):
        return DeliveryError("notify.smtp_refused", smtp=exc.smtp_code, reply=_reply(exc.smtp_error),
                             transient=400 <= exc.smtp_code < 500)
    if isinstance(exc, ssl.SSLError):
        return DeliveryError("notify.unreachable", host=host, why=f"TLS: {exc.reason or 'error'}", transient=False)
    if isinstance(exc, socket.timeout | TimeoutError):
        return DeliveryError("notify.unreachable", host=host, why="timed out", transient=True)
    if isinstance(exc, OSError):
        return DeliveryError("notify.unreachable", host=host, why=exc.strerror or type(exc).__name__, transient=True)
    return DeliveryError("notify.unreachable", host=host, why=type(exc).__name__, transient=True)


def _reply(raw) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return " ".join(text.split())[:160]


def send_message(cfg: SmtpConfig, msg: EmailMessage, recipients: list[str]) -> None:
    """Send one message: connect (TLS as configured), log in if a user is set, send, quit."""
    context = ssl.create_default_context()
    try:
        if cfg.tls == "ssl":
            smtp = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=context)
        else:
            smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
        with smtp:
            smtp.ehlo()
            if cfg.tls == "starttls":
                if not smtp.has_extn("starttls"):
                    raise smtplib.SMTPNotSupportedError("STARTTLS")
                smtp.starttls(context=context)
                smtp.ehlo()
            if cfg.user:
                smtp.login(cfg.user, cfg.password or "")
            smtp.send_message(msg, from_addr=parseaddr(cfg.sender)[1], to_addrs=recipients)
    except DeliveryError:
        raise
    except (smtplib.SMTPException, OSError) as exc:
        raise _smtp_error(exc, cfg.host) from None
