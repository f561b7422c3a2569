"""Static files in production: WhiteNoise's hashed, compressed files once `collectstatic`
has run; before that (or for a name the manifest lacks), the plain name, not an error."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False
