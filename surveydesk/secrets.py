"""Secrets (tokens, cookies, API keys) behind a small interface: the OS keyring, or memory for demo and tests.

Secrets never touch the database, a config file or the log. When no keyring is usable the app says so plainly
instead of falling back to a plaintext file.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from surveydesk import APP_NAME
from surveydesk.core.model import AccountKey
from surveydesk.core.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger(__name__)

# The backends known to keep secrets encrypted: Secret Service (GNOME Keyring, KeePassXC…, through D-Bus or
# libsecret), KWallet, macOS Keychain, Windows Credential Locker. Any other (a plaintext file, nowhere, a
# third-party backend whatever its name) counts as no keyring: a worker's logins are never trusted to it.
ENCRYPTING_BACKEND_MODULES = frozenset(
    {
        "keyring.backends.SecretService",
        "keyring.backends.libsecret",
        "keyring.backends.kwallet",
        "keyring.backends.macOS",
        "keyring.backends.Windows",
    }
)


def encrypts(backend: keyring.backend.KeyringBackend) -> bool:
    """Whether the backend is one known to encrypt; keyring's chainer is one when every backend it chains is
    (it writes to the first that accepts)."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        chained = list(backend.backends)
        return bool(chained) and all(encrypts(each) for each in chained)
    return type(backend).__module__ in ENCRYPTING_BACKEND_MODULES


class SecretsUnavailable(Exception):
    """No usable keyring: the message says so in words the worker can act on (and never holds a secret); the UI
    shows `message`, a translatable Sentence, in the worker's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SecretStore(Protocol):
    @property
    def problem(self) -> str | None:
        """Why secrets cannot be kept, in the worker's words; None when they can."""
        ...

    def get(self, key: AccountKey) -> str | None: ...

    def set(self, key: AccountKey, secret: str) -> None: ...

    def delete(self, key: AccountKey) -> None: ...


class MemorySecrets:
    """Secrets held in memory for the life of the process: the demo's tokens, and tests."""

    def __init__(self, initial: dict[AccountKey, str] | None = None) -> None:
        self._secrets = dict(initial or {})

    @property
    def problem(self) -> str | None:
        return None

    def get(self, key: AccountKey) -> str | None:
        return self._secrets.get(key)

    def set(self, key: AccountKey, secret: str) -> None:
        self._secrets[key] = secret

    def delete(self, key: AccountKey) -> None:
        self._secrets.pop(key, None)


class KeyringSecrets:
    """The operating system's keyring (Secret Service, KWallet, macOS Keychain, Windows Credential Locker)."""

    def __init__(
        self,
        backend: keyring.backend.KeyringBackend | None = None,
        service: str = APP_NAME,
        *,
        trusted: bool | None = None,
    ) -> None:
        """`trusted` None: the backend is trusted only if it `encrypts`; a caller that holds the secrets
        elsewhere safely (tests' keyring in memory) may vouch for it.

        keyring (with its backends' discovery) is imported here, by the first store that uses it: the demo's
        secrets, held in memory, start without it."""
        import keyring

        self._backend = backend if backend is not None else keyring.get_keyring()
        self._service = service
        self._trusted = encrypts(self._backend) if trusted is None else trusted

    @property
    def problem(self) -> str | None:
        if not self._trusted:
            return QT_TRANSLATE_NOOP(
                "KeyringSecrets",
                "No system keyring is available, so SurveyDesk cannot save your platform logins. "
                "Start your desktop's keyring (for example GNOME Keyring or KWallet) and restart SurveyDesk; "
                "until then a login can be kept for this run only.",
            )
        return None

    def _check(self) -> None:
        problem = self.problem
        if problem:
            raise SecretsUnavailable(problem)

    def get(self, key: AccountKey) -> str | None:
        from keyring.errors import KeyringError

        self._check()
        try:
            value: str | None = self._backend.get_password(self._service, str(key))
        except KeyringError as exc:
            log.warning("keyring read failed for %s: %s", key, type(exc).__name__)
            raise SecretsUnavailable(
                QT_TRANSLATE_NOOP(
                    "KeyringSecrets", "The keyring refused to give the login for {0}; is it locked?"
                ).filled(key)
            ) from None
        return value

    def set(self, key: AccountKey, secret: str) -> None:
        from keyring.errors import KeyringError

        self._check()
        try:
            self._backend.set_password(self._service, str(key), secret)
        except KeyringError as exc:
            log.warning("keyring write failed for %s: %s", key, type(exc).__name__)
            raise SecretsUnavailable(
                QT_TRANSLATE_NOOP(
                    "KeyringSecrets", "The keyring refused to store the login for {0}; is it locked?"
                ).filled(key)
            ) from None

    def delete(self, key: AccountKey) -> None:
        from keyring.errors import KeyringError, PasswordDeleteError

        self._check()
        try:
            self._backend.delete_password(self._service, str(key))
        except PasswordDeleteError:
            pass
        except KeyringError as exc:
            log.warning("keyring delete failed for %s: %s", key, type(exc).__name__)
            raise SecretsUnavailable(
                QT_TRANSLATE_NOOP(
                    "KeyringSecrets", "The keyring refused to remove the login for {0}; is it locked?"
                ).filled(key)
            ) from None


class SecretsWithRunOnlyFallback:
    """The keyring, plus what the worker chose to keep for this run only because no keyring works.

    Nothing here is ever written anywhere: a secret kept for this run is gone when SurveyDesk closes.
    """

    def __init__(self, keyring: SecretStore) -> None:
        self._keyring = keyring
        self._this_run = MemorySecrets()

    @property
    def problem(self) -> str | None:
        return self._keyring.problem

    def get(self, key: AccountKey) -> str | None:
        kept = self._this_run.get(key)
        return kept if kept is not None else self._keyring.get(key)

    def set(self, key: AccountKey, secret: str) -> None:
        self._keyring.set(key, secret)
        self._this_run.delete(key)

    def keep_for_this_run(self, key: AccountKey, secret: str) -> None:
        self._this_run.set(key, secret)

    def delete(self, key: AccountKey) -> None:
        self._this_run.delete(key)
        try:
            self._keyring.delete(key)
        except SecretsUnavailable:
            log.info("no keyring to forget %s in; nothing was stored there", key)
