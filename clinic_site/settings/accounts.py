"""Staff accounts: two-factor sign-in, login lockout, password rules (README "Security").

Imported at the end of ``base.py``; the dev settings turn two-factor enforcement off for the
demo, production keeps it on.
"""

from __future__ import annotations

import os
from datetime import timedelta

from .env import env_bool

# Two-factor sign-in (django-otp; the accounts app): whoever holds this permission (whoever
# may see patients' consent records: Clinical reviewers and Communications by data migration)
# and every superuser must enrol an authenticator app and enter its code before any /admin/
# page. Other staff (authors) may enrol; once they have, they are asked for the code too.
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", True)
STAFF_2FA_PERMISSION = "workflow.view_consentrecord"
OTP_TOTP_ISSUER = "Clinic Stories"
RECOVERY_CODE_COUNT = 10

# Login lockout (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one username, or
# from one client address, sign-in is refused for LOGIN_COOLOFF_MINUTES, even with the right
# password. The address is the one clinic_site.client.client_address trusts
# (TRUSTED_PROXY_COUNT), as for the comment limit; attempts are counted in the database, so
# every worker and instance shares them.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.SignInLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "clinic_site.client.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out_response"
# Attempts made while locked out do not extend the lock, so "try again in N minutes" holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# No table of every successful sign-in with its address; log lines name the account only.
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_STR_CALLABLE = "accounts.lockout.client_description"
# What axes keeps of a failed form: no password (always masked), code or CSRF token.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code", "csrfmiddlewaretoken"]
AXES_ENABLE_ADMIN = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The admin shows initials, never an avatar fetched from Gravatar or any other host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
