"""Push a validated release folder to a Hub dataset repo as one commit, then tag it `v{version}`.

Only changed files are uploaded (local sha256 / git blob ids against the remote tree), the commit
names the version, and a tag is never moved: a version names one content forever, which is what lets
consumers pin `revision="v1.0.0"`. The token is resolved by huggingface_hub (HF_TOKEN or `hf auth
login`) and never passes through this module's messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from huggingface_hub import CommitOperationAdd, CommitOperationDelete, HfApi, get_token
from huggingface_hub.errors import HfHubHTTPError

from build_dataset.publish.changelog import release_history
from build_dataset.publish.errors import PublishError
from build_dataset.publish.plan import UploadPlan, check_publishable, plan_upload
from build_dataset.publish.release import release_version, scan_release
from build_dataset.publish.remote import (
    REPO_TYPE,
    UNREACHABLE,
    HubUnreachable,
    RemoteState,
    fetch_remote_state,
    files_at,
    list_files,
)
from build_dataset.publish.version import Version

Validator = Callable[[Path], list[str]]
REPO_ID = re.compile(r"[\w.-]+/[\w.-]+")
_CARD_REPO = re.compile(r'load_dataset\(\s*"([^"]+)"')
"""The repo the card's own snippets load from: the card is rendered with `repo_id` from dataset.yaml."""


@dataclass(frozen=True)
class PushReport:
    """What a push did or, for a dry run, would do."""

    repo_id: str
    version: Version
    plan: UploadPlan
    outcome: str  # "pushed", "tagged", "up-to-date", "planned"
    commit: str | None = None
    created_repo: bool = False
    notes: tuple[str, ...] = field(default=())


def _check_card_repo(release_dir: Path, repo_id: str) -> None:
    """Refuse a release whose card tells readers to load it from another repo than the one pushed to:
    every snippet and the citation would then point at a repo that is not this one (or at none)."""
    readme = release_dir / "README.md"
    named = _CARD_REPO.search(readme.read_text(encoding="utf-8")) if readme.is_file() else None
    if named and named.group(1) != repo_id:
        raise PublishError(f"the card's snippets load {named.group(1)!r}, not {repo_id!r}", path=readme,
                           fix=f"check --repo-id for a typo; if {repo_id} is the repo you mean, set "
                           f"`repo_id: {repo_id}` in dataset.yaml and rebuild")


def _validate(release_dir: Path, validate: Validator | None) -> None:
    if validate is None:
        from build_dataset.validate import validate_release as validate
    problems = validate(release_dir)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise PublishError(f"release is not valid: {problems[0]}{more}", path=release_dir,
                           fix="run `build-dataset validate` and rebuild")


def hub_failure_behind(err: BaseException) -> BaseException | None:
    """The failure to report for `err` when it is the Hub's or the network's, None when it is a bug.

    huggingface_hub wraps every LFS upload error in a bare RuntimeError (`_commit_api._upload_lfs_files`),
    so the Hub's HTTP answer or the dropped connection is looked for down the cause chain. When the Hub
    goes away during parallel uploads, the wrapped error can be httpx's "client has been closed" instead
    (one upload thread closes the shared client after a ConnectError while another is using it): any
    wrapped upload error counts, reported by its innermost cause, since no commit was made.
    """
    chain: list[BaseException] = []
    seen: BaseException | None = err
    while seen is not None and seen not in chain:
        if isinstance(seen, (HfHubHTTPError, *UNREACHABLE)):
            return seen
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    if isinstance(err, RuntimeError) and err.__cause__ is not None:
        return chain[-1]
    return None


# Answers that running the command again cannot change: the token is wrong or may not write here. A 404
# counts too, because every write push makes is to a repo it has just read or created: the Hub answers
# 404 rather than 403 when the token may not see a repo.
_TOKEN_REFUSED = {401: "the token was refused", 403: "the token has no write access to {repo}",
                  404: "the token cannot write to {repo}"}


def _http_failure(step: str, repo_id: str, err: BaseException, state: RemoteState) -> PublishError:
    status = getattr(getattr(err, "response", None), "status_code", None)
    if status:
        what = f"the Hub answered HTTP {status}"
    elif isinstance(err, UNREACHABLE):
        what = f"the Hub could not be reached ({type(err).__name__})"
    else:
        what = f"an upload broke off ({type(err).__name__}: {err})"
    at = f" at v{state.version}" if state.version else ""
    left = f"{repo_id} is unchanged{at}" if state.exists else f"{repo_id} has no release yet"
    if step == "tagging":
        left = f"{repo_id} has the new files but not the tag yet"
    fix = "run the same command again"
    if status in _TOKEN_REFUSED:
        what += f" ({_TOKEN_REFUSED[status].format(repo=repo_id)})"
        owner = repo_id.split("/")[0]
        fix = f"run `hf auth login` or set HF_TOKEN to a token with write access to {owner}, then push again"
    if status == 412:  # the parent commit check: someone else pushed between our read and our commit
        what = f"{repo_id} changed while pushing"
    return PublishError(f"push failed during {step}: {what}; {left}", fix=fix)


def _remote_state(api: HfApi, repo_id: str, *, dry_run: bool, private: bool) -> tuple[RemoteState, list[str]]:
    """The remote as it is now, plus notes for the user; a dry run survives an unreachable Hub."""
    notes: list[str] = []
    try:
        state = fetch_remote_state(api, repo_id)
    except HubUnreachable as err:
        if not dry_run:
            raise
        return RemoteState(exists=False), [f"{err}: planning a full upload"]
    if dry_run and not state.exists:
        notes.append(f"{repo_id} does not exist yet (or is private to this token): it will be created")
    if private and state.exists:
        notes.append(f"{repo_id} exists already: --private only applies when creating a repo")
    return state, notes


def push_release(release_dir: Path, repo_id: str, *, private: bool = False, dry_run: bool = False,
                 api: HfApi | None = None, validate: Validator | None = None) -> PushReport:
    """Publish `release_dir` to the dataset repo `repo_id` and tag it; see the module docstring."""
    if not REPO_ID.fullmatch(repo_id):
        raise PublishError(f"--repo-id {repo_id!r} is not OWNER/NAME", fix="pass e.g. --repo-id my-org/my-dataset")
    _check_card_repo(release_dir, repo_id)
    api = api or HfApi()
    # Checked before the (slow) validation so that a missing login fails at once.
    if not dry_run and not (api.token or get_token()):
        raise PublishError("no Hugging Face token found", fix="run `hf auth login` or set HF_TOKEN")
    _validate(release_dir, validate)
    local = scan_release(release_dir)
    version = release_version(release_dir)
    state, notes = _remote_state(api, repo_id, dry_run=dry_run, private=private)

    plan = plan_upload(local, state.files or {}, version.tag)
    tags = state.tags or {}
    tag_plan = plan_upload(local, files_at(api, repo_id, tags[version.tag]), version.tag) \
        if version.tag in tags else None
    if check_publishable(plan, version, repo_id, remote_version=state.version, tag_plan=tag_plan,
                         history=release_history(release_dir)):
        return PushReport(repo_id, version, plan, "up-to-date", tags[version.tag], notes=tuple(notes))
    if dry_run:
        return PushReport(repo_id, version, plan, "planned", notes=tuple(notes))

    created, head, outcome, step = False, state.head, "tagged", "creating the repo"
    try:
        if not state.exists:
            api.create_repo(repo_id, repo_type=REPO_TYPE, private=private, exist_ok=True)
            created = True
            # A new repo already has a first commit (the Hub's .gitattributes): plan against it.
            head = api.repo_info(repo_id, repo_type=REPO_TYPE).sha
            plan = plan_upload(local, list_files(api, repo_id, head or "main"), version.tag)
        if not plan.is_empty:
            step = "the commit"
            head = _commit(api, repo_id, release_dir, plan, version, head)
            outcome = "pushed"
        step = "tagging"
        api.create_tag(repo_id, tag=version.tag, tag_message=f"Release {version.tag}", revision=head,
                       repo_type=REPO_TYPE)
    except (HfHubHTTPError, RuntimeError, *UNREACHABLE) as err:
        failure = hub_failure_behind(err)
        if failure is None:  # a RuntimeError that wraps nothing: a bug, keep its traceback
            raise
        raise _http_failure(step, repo_id, failure, state) from None
    return PushReport(repo_id, version, plan, outcome, head, created, tuple(notes))


def _commit(api: HfApi, repo_id: str, release_dir: Path, plan: UploadPlan, version: Version,
            parent: str | None) -> str:
    """One commit with every addition and deletion; `parent` makes it fail if someone pushed meanwhile."""
    operations: list[CommitOperationAdd | CommitOperationDelete] = [
        CommitOperationAdd(path_in_repo=f.path, path_or_fileobj=str(release_dir / f.path))
        for f in (*plan.added, *(local for local, _ in plan.changed))
    ]
    operations += [CommitOperationDelete(path_in_repo=f.path) for f in plan.removed]
    summary = (f"{len(plan.added)} added, {len(plan.changed)} changed, {len(plan.removed)} removed")
    info = api.create_commit(repo_id, operations, commit_message=f"Release {version.tag}",
                             commit_description=f"Dataset version {version}: {summary} files.",
                             repo_type=REPO_TYPE, parent_commit=parent)
    return info.oid


def _size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


def render_report(report: PushReport, *, dry_run: bool) -> str:
    """The plain-text plan/result the CLI prints: files added, changed, removed with sizes, and the tag."""
    plan = report.plan
    lines = [*(f"note: {n}" for n in report.notes)]
    head = "would push" if dry_run else "pushed"
    if report.outcome == "up-to-date":
        lines.append(f"{report.repo_id}: {plan.tag} is already published with this content; nothing to do")
        return "\n".join(lines)
    if report.created_repo:  # say so: a typo in both dataset.yaml and --repo-id creates a repo quietly
        lines.append(f"created the new dataset repo {report.repo_id}")
    lines += [f"+ {f.path} ({_size(f.size)})" for f in plan.added]
    lines += [f"~ {local.path} ({_size(remote.size)} -> {_size(local.size)})" for local, remote in plan.changed]
    lines += [f"- {f.path} ({_size(f.size)})" for f in plan.removed]
    counts = (f"{len(plan.added)} added, {len(plan.changed)} changed, {len(plan.removed)} removed, "
              f"{len(plan.unchanged)} unchanged; {_size(plan.upload_bytes)} to upload")
    if plan.is_empty:
        lines.append(f"{report.repo_id}: files already match v{report.version}; "
                     f"{'would tag' if dry_run else 'tagged'} {plan.tag}")
    else:
        lines.append(f"{report.repo_id}: {head} v{report.version} ({counts}) and tag {plan.tag}")
    if report.commit and not dry_run:
        lines.append(f"commit {report.commit}")
    return "\n".join(lines)
