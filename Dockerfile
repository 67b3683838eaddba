FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
ENV PATH="/app/.venv/bin:$PATH" DJANGO_SETTINGS_MODULE=inkoop.settings.production PYTHONUNBUFFERED=1
# The same steps run in CI without Docker (.ci/productie), which also serves pages through gunicorn.
RUN SECRET_KEY=build ALLOWED_HOSTS=build python manage.py collectstatic --noinput \
    && SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" ALLOWED_HOSTS=build \
       python manage.py check --deploy --fail-level WARNING
RUN useradd --system inkoop && mkdir -p /app/media && chown inkoop /app/media
USER inkoop
EXPOSE 8000
CMD ["gunicorn", "inkoop.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120"]
