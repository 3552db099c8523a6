# Clinic Stories production image: build wheels in one stage, run as a non-root user in another.
# Migrations are a separate step: docker run --rm IMAGE python manage.py migrate

FROM python:3.11-slim-bookworm AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN apt-get update --yes --quiet \
 && apt-get install --yes --quiet --no-install-recommends build-essential libjpeg62-turbo-dev zlib1g-dev libwebp-dev \
 && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /build
COPY pyproject.toml constraints.txt README.md ./
RUN pip install -c constraints.txt .

FROM python:3.11-slim-bookworm AS runtime
RUN apt-get update --yes --quiet \
 && apt-get install --yes --quiet --no-install-recommends libjpeg62-turbo libwebp7 gettext \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 clinic
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH="/opt/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=clinic_site.settings.production \
    PORT=8000
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY --chown=clinic:clinic . .
# collectstatic needs a key and hosts to import production settings; these build-time values
# are throwaway and never reach the running container.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input --verbosity 0 \
 && python manage.py compilemessages --ignore=.venv --verbosity 0 \
 && chown -R clinic:clinic /app
USER clinic
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health/' % os.environ.get('PORT', '8000'), timeout=4)"]
# Workers, logs and trusted proxies: gunicorn.conf.py (WEB_CONCURRENCY, FORWARDED_ALLOW_IPS).
CMD ["gunicorn", "clinic_site.wsgi:application"]
