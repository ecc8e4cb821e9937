"""The hub's one settings object: environment variables `CLIENTELING_*` win over the
settings file (`hub.toml` in the user config directory, see `config_file`), which wins
over the defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_config_dir, user_data_dir
from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from clienteling.protocol.models import PROTOCOL_VERSION, PROTOCOL_VERSION_MIN


def config_file() -> Path:
    """`~/.config/clienteling/hub.toml` on Linux: the same keys as the environment
    variables, without the prefix and in lower case (`db = "postgresql://..."`)."""
    return Path(user_config_dir("clienteling")) / "hub.toml"


def default_db_path() -> str:
    """A SQLite file in the user's data directory, so a bare `clienteling hub` just works."""
    return str(Path(user_data_dir("clienteling")) / "hub.sqlite3")


class HubSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLIENTELING_", extra="ignore")

    db: str = Field(
        default_factory=default_db_path,
        description="SQLAlchemy URL (postgresql+psycopg://...) or a plain SQLite file path.",
    )
    host: str = "127.0.0.1"
    port: int = 8700
    access_token_ttl_minutes: float = Field(
        default=15, description="Access tokens are short-lived; terminals refresh them."
    )
    protocol_version_min: int = Field(
        default=PROTOCOL_VERSION_MIN,
        description="The oldest terminal protocol accepted; raise it to make older "
        'terminals stop syncing and show "update needed" (they keep their changes).',
    )
    protocol_version_max: int = Field(
        default=PROTOCOL_VERSION, description="The newest terminal protocol accepted."
    )

    # Ingest from the web shop (`POST /api/v1/ingest/{source}`, see `hub.ingest`).
    webhook_secret: str | None = Field(
        default=None,
        description="HMAC-SHA256 secret of generic sources (e.g. `webshop`); unset: refused.",
    )
    webhook_secrets: dict[str, str] = Field(
        default_factory=dict,
        description='Per-source secrets, JSON: {"webshop": "...", "outlet": "..."}; they win '
        "over `webhook_secret`.",
    )
    shopify_webhook_secret: str | None = Field(
        default=None, description="The Shopify app's secret (`X-Shopify-Hmac-Sha256`)."
    )
    shopify_locations: dict[str, str] = Field(
        default_factory=dict,
        description="Shopify location id -> our location id (a store or the web warehouse), "
        'JSON: {"24826418": "<store id>"}; inventory_levels/update of an unmapped '
        "location is acknowledged and ignored.",
    )
    ingest_default_store_id: str | None = Field(
        default=None,
        description="Home store of customers the web shop creates; unset: the first store by id.",
    )
    ingest_phone_region: str = Field(
        default="FR", description="Region for phone numbers the shop sends without +country."
    )
    ingest_default_language: str = "en"
    ingest_max_body_bytes: int = 1_048_576

    # Follow-ups: links, delivery (see `hub.delivery`) and the customer-facing pages.
    public_url: str | None = Field(
        default=None,
        description="Base URL of the customer-facing pages in messages (default: this hub).",
    )
    link_secret: str | None = Field(
        default=None,
        description="HMAC secret of follow-up links; unset: one is made once per database. "
        "Hubs sharing a database must share it.",
    )
    smtp_url: str | None = Field(
        default=None,
        description="smtp://[user:password@]host:port (smtps:// for TLS); unset: no email.",
    )
    mail_from: str = "Maison Lumière <no-reply@maison-lumiere.example>"
    sms_provider_url: str | None = Field(
        default=None, description="The SMS provider's send endpoint (POST JSON); unset: no SMS."
    )
    whatsapp_provider_url: str | None = Field(
        default=None, description="The WhatsApp provider's send endpoint; unset: no WhatsApp."
    )
    provider_token: str | None = Field(
        default=None, description="Bearer token sent to the SMS/WhatsApp provider."
    )
    text_provider: Literal["http", "twilio"] = Field(
        default="http",
        description='How SMS and WhatsApp leave: "http" (POST JSON to `sms_provider_url` / '
        '`whatsapp_provider_url`) or "twilio" (Twilio\'s Messages API, `twilio_*`).',
    )
    twilio_account_sid: str | None = Field(
        default=None, description="The Twilio account sid (AC…); with `twilio_auth_token`."
    )
    twilio_api_url: str = Field(
        default="https://api.twilio.com", description="Base URL of Twilio's REST API."
    )
    twilio_sms_from: str | None = Field(
        default=None, description="The Twilio number SMS are sent from; unset: no SMS."
    )
    twilio_whatsapp_from: str | None = Field(
        default=None, description="The WhatsApp sender (+E.164) at Twilio; unset: no WhatsApp."
    )
    provider_receipts_token: str | None = Field(
        default=None,
        description="Bearer token the provider sends with delivery receipts "
        "(`POST /api/v1/delivery/receipts`); unset: receipts are refused.",
    )
    inbound_secret: str | None = Field(
        default=None,
        description="HMAC-SHA256 secret of inbound replies (`POST /api/v1/inbound/{provider}`, "
        "header `X-Clienteling-Signature`); unset: replies are refused.",
    )
    inbound_secrets: dict[str, str] = Field(
        default_factory=dict,
        description='Per-provider secrets of inbound replies, JSON: {"sendgrid": "..."}; '
        "they win over `inbound_secret`.",
    )
    twilio_auth_token: str | None = Field(
        default=None,
        description="The Twilio account's Auth Token: signs outbound sends (with "
        "`twilio_account_sid`), and inbound SMS/WhatsApp at `POST /api/v1/inbound/twilio` and "
        "status callbacks must carry its `X-Twilio-Signature`; unset: refused.",
    )
    twilio_webhook_url: str | None = Field(
        default=None,
        description="The inbound URL exactly as configured at Twilio (it is signed); unset: "
        "`public_url` + the path, else the URL the request arrived at.",
    )
    mailgun_signing_key: str | None = Field(
        default=None,
        description="Mailgun's HTTP webhook signing key: inbound emails at "
        "`POST /api/v1/inbound/mailgun` must carry its signature; unset: refused.",
    )
    mailgun_max_age_s: float = Field(
        default=300,
        gt=0,
        description="A Mailgun signature older (or newer) than this is refused; each token "
        "is accepted once.",
    )
    reply_domain: str | None = Field(
        default=None,
        description="Domain of the emails' Reply-To (`reply+<token>@<domain>`) and envelope "
        "sender (`bounce+<attempt>.<hmac>@<domain>`, where relays send bounces), routed to "
        "the inbound-parse service; unset: `mail_from` with `+<token>`, bounces to `mail_from`.",
    )
    delivery_worker: bool = Field(
        default=False,
        description="Run the delivery worker inside this hub process (`clienteling hub` "
        "and the demo turn it on; any number of hubs may run one).",
    )
    delivery_interval_s: float = 2.0
    delivery_lease_s: float = 60.0
    quiet_hours_start: int = Field(default=21, ge=0, le=23, description="Local hour, store tz.")
    quiet_hours_end: int = Field(default=8, ge=0, le=23, description="Local hour, store tz.")
    attribution_window_days: int = 14
    demo_outbox: bool = Field(
        default=False, description="Serve /demo/outbox (the demo's local sinks); never in prod."
    )
    shop_name: str = Field(
        default="Maison Lumière", description="The shop's name on customer-facing pages."
    )
    # Hub API: refresh tokens, sign-in rate limits, body size, tombstone purge.
    refresh_token_ttl_days: float = Field(
        default=30, description="A terminal offline longer than this signs in again."
    )
    sign_in_window_s: int = 300
    sign_in_max_failures_per_user: int = Field(
        default=5, description="Failed sign-ins per user name in the window before 429."
    )
    sign_in_max_failures_per_address: int = Field(
        default=30, description="Failed sign-ins per client address in the window before 429."
    )
    # Enrollment (`hub.enrollment`): one-time codes for new terminals.
    allow_unenrolled_sign_in: bool = Field(
        default=True,
        description="Terminals that were never enrolled may still sign in; set false on a "
        "store rollout so only enrolled terminals (with their device secret) sign in.",
    )
    enroll_max_failures_per_address: int = Field(
        default=10,
        description="Wrong, used or expired enrollment codes per client address in the "
        "sign-in window before 429.",
    )
    max_body_bytes: int = Field(
        default=4_194_304, description="Larger request bodies are refused (413)."
    )
    tombstone_retention_days: float = Field(
        default=30,
        description="Deletions are kept this long; a terminal offline longer resyncs fully.",
    )
    purge_interval_s: float = Field(
        default=3600, description="How often the hub purges old tombstones (0: never)."
    )
    # Holds (reservations) and offers: `hub.holds`, `hub.offers`.
    hold_hours: float = Field(
        default=48, gt=0, description="A hold for a customer is released after this long."
    )
    hold_expiry_interval_s: float = Field(
        default=300, description="How often the hub releases expired holds (0: never)."
    )
    recent_views_prune_interval_s: float = Field(
        default=3600,
        description="How often the hub drops recently viewed products older than 30 days, "
        "with tombstones so terminals drop them too (0: never).",
    )

    # Tasks (`hub.task_generation`).
    task_interval_s: float = Field(
        default=0,
        description="How often this process generates tasks, in seconds (0: never; "
        "`clienteling hub` and the demo use 600; see `clienteling hub generate-tasks`).",
    )
    # Abandoned checkouts (`hub.ingest.abandon`), for shops that never send "checkout
    # abandoned" (Shopify sends only checkouts/create and checkouts/update).
    checkout_abandon_after_minutes: float = Field(
        default=60,
        gt=0,
        description="An open checkout whose step has not moved for this long is marked "
        "abandoned at that step (as a `checkout.abandoned` event would), which starts the "
        '"available here today" task.',
    )
    checkout_abandon_interval_s: float = Field(
        default=60, description="How often this process looks for stalled checkouts (0: never)."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=config_file()),
        )
