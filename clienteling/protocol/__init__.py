"""Wire models shared by the terminal and the hub (pydantic). Imports only `domain`."""

from clienteling.protocol.models import (
    PROTOCOL_VERSION,
    PROTOCOL_VERSION_MIN,
    Change,
    ErrorBody,
    Mutation,
    MutationResult,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    SignInRequest,
    SignInResponse,
)

__all__ = [
    "PROTOCOL_VERSION",
    "PROTOCOL_VERSION_MIN",
    "Change",
    "ErrorBody",
    "Mutation",
    "MutationResult",
    "PullRequest",
    "PullResponse",
    "PushRequest",
    "PushResponse",
    "SignInRequest",
    "SignInResponse",
]
