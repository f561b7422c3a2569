# One image for every process of the Procfile: the container's argument names the process
# (release, web, worker-email, worker-pdf, beat), run by scripts/run-process exactly as
# the Procfile says. compose.yaml runs the whole set with PostgreSQL, Redis and MinIO.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/app/.venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=academy.settings \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    DJANGO_MEDIA_ROOT=/app/media

WORKDIR /app

# WeasyPrint's system libraries and fonts, and gettext for the translations: the list
# `make setup` installs.
COPY scripts/system-deps.sh scripts/
RUN bash scripts/system-deps.sh && rm -rf /var/lib/apt/lists/*

# The runtime dependencies only (requirements-prod.lock: the same pins as
# requirements.lock, without the test tools).
COPY requirements-prod.lock ./
RUN python -m venv .venv \
 && .venv/bin/pip install --no-cache-dir --disable-pip-version-check uv \
 && .venv/bin/uv pip install --no-cache --python .venv/bin/python -r requirements-prod.lock

COPY . .

# Hashed, compressed static files in the image (WhiteNoise serves them). The throwaway key
# and cache exist for this build step only: without them the settings refuse to start.
RUN DJANGO_SECRET_KEY=collectstatic-only CACHE_URL=locmemcache:// \
    python manage.py collectstatic --noinput \
 && DJANGO_SECRET_KEY=compilemessages-only CACHE_URL=locmemcache:// \
    python manage.py compilemessages --ignore .venv -v 0

RUN useradd --system --uid 10001 --home-dir /app academy \
 && mkdir -p /app/media && chown academy /app/media
USER academy

EXPOSE 8000
ENTRYPOINT ["scripts/run-process"]
CMD ["web"]
