"""All configuration in one typed place.

Every field can be set from the environment with the ``RECRUITER_`` prefix (for example
``RECRUITER_STORE_PATH=/srv/resumes`` or ``RECRUITER_CHROMA_HOST=10.0.0.5``) or from a ``.env``
file in the working directory. A bad value fails at start: :func:`load_settings` turns pydantic's
error into one line naming the variable, for the command lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RECRUITER_", env_file=".env", extra="ignore", frozen=True
    )

    store_path: Path = Field(
        Path("data/chroma"),
        description="Folder of the embedded Chroma store. Ignored when chroma_host is set.",
    )
    originals_path: Path | None = Field(
        None,
        description=(
            "Folder of the original PDF files, kept to show a cited page as it looks; give each "
            "store its own. Unset: `originals` inside store_path (also with a Chroma server; "
            "a subfolder per collection_prefix other than the default)."
        ),
    )
    cache_path: Path = Field(
        Path("data/cache"),
        description=(
            "Folder of what is computed once per machine and kept: the vectors of the embedding "
            "model's vocabulary (about 16 MB; see assistant/related_words.py). Holds nothing "
            "read from a resume; deleting it only makes the next question slower."
        ),
    )
    chroma_host: str | None = Field(
        None, description="Host of a Chroma server (`chroma run`). Unset: use the embedded store."
    )
    chroma_port: int = Field(8000, ge=1, le=65535, description="Port of the Chroma server.")
    chroma_ssl: bool = Field(False, description="Talk to the Chroma server over HTTPS.")
    collection_prefix: str = Field(
        "recruiter",
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,60}$",
        description="Prefix of the Chroma collection names, so several stores can share a server.",
    )

    embedding_batch_size: int = Field(64, ge=1, le=1024, description="Texts per embedding call.")
    embedding_precision: Literal["auto", "fp32", "bf16"] = Field(
        "auto",
        description=(
            "auto: bf16 autocast where the CPU has bf16 units (AVX512-BF16, AMX, Arm BF16; "
            "~2.5x faster there, cosine to fp32 >= 0.9999), fp32 elsewhere (bf16 is emulated "
            "and ~5x slower)."
        ),
    )

    chunk_max_words: int = Field(
        25,
        ge=10,
        le=150,
        description=(
            "Words per embedded chunk (one to three resume lines at 25, so a close chunk points "
            "at the lines that say it). Changing it re-embeds files on their next ingest."
        ),
    )
    semantic_k: int = Field(
        60, ge=5, le=500, description="Chunks taken from the vector search for each question."
    )
    llm: str | None = Field(
        None,
        pattern=r"^[a-z_-]+:.+$",
        description=(
            "Chat model as provider:model, e.g. openai:gpt-4o-mini, anthropic:claude-sonnet-4-5, "
            "ollama:llama3.1. Unset: extractive answers, no model."
        ),
    )
    llm_base_url: str | None = Field(
        None,
        description="URL of an OpenAI-compatible server (vLLM, llama.cpp, LM Studio) or Ollama.",
    )
    llm_api_key: SecretStr | None = Field(
        None, description="API key; unset uses the provider's own variable (OPENAI_API_KEY, ...)."
    )
    llm_timeout: float = Field(
        30.0, gt=0, le=600, description="Seconds before a model call gives up."
    )
    llm_max_retries: int = Field(1, ge=0, le=5, description="Retries on rate limits and 5xx.")
    llm_temperature: float = Field(0.0, ge=0.0, le=2.0)
    llm_rewrite_follow_ups: bool = Field(
        True, description="Let the model rewrite follow-up questions into standalone ones."
    )
    planner: Literal["auto", "rules"] = Field(
        "auto",
        description="Who reads questions: auto lets the model when one answers, else the rules.",
    )
    answer_mode: Literal["auto", "extractive"] = Field(
        "auto", description="auto: the model when one is configured; extractive: never a model."
    )
    max_upload_mb: int = Field(20, ge=1, le=500, description="Largest resume file accepted, in MB.")
    max_pdf_pages: int = Field(
        40, ge=1, le=10_000, description="PDFs with more pages are refused before extraction."
    )
    extract_timeout_s: float = Field(
        20.0,
        gt=0,
        le=3600,
        description="Seconds one file's text extraction may take (checked between PDF pages).",
    )
    max_docx_unpacked_mb: int = Field(
        50,
        ge=1,
        le=10_000,
        description="A DOCX whose parts would unpack to more (one part or all) is refused.",
    )
    max_docx_ratio: int = Field(
        100,
        ge=10,
        le=100_000,
        description="A DOCX part over 1 MB compressed more than this (unpacked:packed) is refused.",
    )
    max_docx_members: int = Field(
        1000, ge=10, le=100_000, description="A DOCX with more parts (zip members) is refused."
    )


class SettingsError(ValueError):
    """A setting with a bad value; ``str(error)`` is one line naming the variable to fix."""


def load_settings() -> Settings:
    """The settings from the environment and ``.env``, or :class:`SettingsError`."""
    try:
        return Settings()
    except ValidationError as err:
        first = err.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        variable = f"RECRUITER_{field.upper()}" if field else "a RECRUITER_ setting"
        value = first.get("input")
        shown = f"={value}" if isinstance(value, str | int | float) else ""
        more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
        raise SettingsError(
            f"bad setting {variable}{shown}: {first['msg']}{more}; fix it in the environment "
            "or .env, or unset it for the default"
        ) from None
