// The Drive advanced service (Drive API v3, `Drive.Files`), as far as the desk uses it: files
// with text content and folders, created with IDs from generateIds, read back whole.
// Like Google: the global exists only when the manifest enables the service; every call needs
// the drive.file (or drive) scope in the manifest and fails in a simple trigger; under
// drive.file a script sees only the files it created itself.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Api, emulated, guard } from "../guard";
import type { Host } from "../host";

type GasDrive = GoogleAppsScript.Drive;
type FilesCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type DriveFileResource = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

export const DRIVE = emulated<GasDrive>()("Drive", "Drive", "Drive", [], ["Files"]);

export const DRIVE_FILES = emulated<FilesCollection>()(
  "Drive",
  "Files",
  "Drive_v3.Drive.V3.Collection.FilesCollection",
  ["create", "get", "generateIds"],
);

export const FOLDER_MIME = "application/vnd.google-apps.folder";
const SCOPE_FILE = "https://www.googleapis.com/auth/drive.file";
const SCOPE_ALL = "https://www.googleapis.com/auth/drive";

/** A file or folder in the emulated Drive. */
export interface StoredFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  /** Text content; null for folders. */
  content: string | null;
  createdAt: number;
  /** False for files the user has that the script did not create (hidden under drive.file). */
  byScript: boolean;
  trashed: boolean;
}

export interface DriveHandle {
  /** The `Drive` global, or undefined when the manifest does not enable the service. */
  service: GasDrive | undefined;
  files: Map<string, StoredFile>;
  /** A file the user has from elsewhere (not created by the script). */
  addForeignFile(name: string, content: string): StoredFile;
  /** The user deleting a file for good (emptied from the trash). */
  userDelete(id: string): void;
}

interface Manifest {
  oauthScopes?: string[];
  dependencies?: {
    enabledAdvancedServices?: { userSymbol?: string; serviceId?: string; version?: string }[];
  };
}

/** The project's manifest; null for a bare test bundle without one. */
function readManifest(distDir: string): Manifest | null {
  const path = join(distDir, "appsscript.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Manifest) : null;
}

/** Drive file IDs are 33 URL-safe characters starting with 1. */
const newId = () => `1${randomBytes(32).toString("base64url").slice(0, 32)}`;

const apiError = (method: string, reason: string) =>
  new Error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: ${reason}`);

/**
 * The Drive advanced service. A bare test bundle without a manifest gets it with full access;
 * a project with a manifest gets what the manifest enables and the scopes it declares.
 */
export function driveService(host: Host, distDir: string): DriveHandle {
  const manifest = readManifest(distDir);
  const enabled =
    manifest === null ||
    (manifest.dependencies?.enabledAdvancedServices ?? []).some(
      (s) => s.serviceId === "drive" && s.version === "v3" && s.userSymbol === "Drive",
    );
  const scopes = manifest?.oauthScopes ?? [SCOPE_ALL];
  const allFiles = scopes.includes(SCOPE_ALL);
  const anyScope = allFiles || scopes.includes(SCOPE_FILE);
  const files = new Map<string, StoredFile>();
  /** IDs handed out by generateIds and not used yet. */
  const reserved = new Set<string>();

  const enter = (method: string) => {
    host.meter.record("Drive", `Files.${method}`);
    if (host.current()?.simple)
      throw new Error(
        `You do not have permission to call Drive.Files.${method}. Required permissions: ${SCOPE_FILE}`,
      );
    if (!anyScope) throw apiError(method, "Request had insufficient authentication scopes.");
  };
  /** The file as this script may see it, or a 404 like Drive's. */
  const visible = (method: string, id: string): StoredFile => {
    const file = files.get(String(id));
    if (!file || (!allFiles && !file.byScript)) throw apiError(method, `File not found: ${id}.`);
    return file;
  };
  const metadata = (f: StoredFile): DriveFileResource => ({
    kind: "drive#file",
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: [...f.parents],
    trashed: f.trashed,
  });

  const api = {
    create(resource: DriveFileResource, mediaData?: GoogleAppsScript.Base.Blob, _optionalArgs?: object) {
      enter("create");
      const mimeType = resource.mimeType ?? mediaData?.getContentType() ?? "application/octet-stream";
      const folder = mimeType === FOLDER_MIME;
      if (folder && mediaData) throw apiError("create", "A folder cannot have content.");
      let id = newId();
      if (resource.id !== undefined) {
        if (files.has(resource.id)) throw apiError("create", "A file already exists with the provided ID.");
        if (!reserved.has(resource.id)) throw apiError("create", "The provided file ID is not usable.");
        reserved.delete(resource.id);
        id = resource.id;
      }
      const parents = resource.parents ?? [];
      for (const p of parents)
        if (visible("create", p).mimeType !== FOLDER_MIME)
          throw apiError("create", `The parent ${p} is not a folder.`);
      const file: StoredFile = {
        id,
        name: resource.name ?? "Untitled",
        mimeType,
        parents: [...parents],
        content: folder ? null : (mediaData?.getDataAsString() ?? ""),
        createdAt: host.clock.now(),
        byScript: true,
        trashed: false,
      };
      files.set(id, file);
      return metadata(file);
    },
    get(fileId: string, optionalArgs?: Record<string, unknown>) {
      enter("get");
      const file = visible("get", fileId);
      if (optionalArgs?.alt !== "media") return metadata(file);
      if (file.content === null)
        throw apiError(
          "get",
          "Only files with binary content can be downloaded. Use Export with Docs Editors files.",
        );
      return file.content;
    },
    generateIds(optionalArgs?: Record<string, unknown>) {
      enter("generateIds");
      const count = Number(optionalArgs?.count ?? 10);
      if (!Number.isInteger(count) || count < 1 || count > 1000)
        throw apiError("generateIds", "Invalid Value: count must be between 1 and 1000.");
      const ids = Array.from({ length: count }, newId);
      for (const id of ids) reserved.add(id);
      return { kind: "drive#generatedIds", space: "drive", ids };
    },
  };
  // The overloads of @types' FilesCollection, implemented by the one function each above.
  const typed = api as unknown as Api<typeof DRIVE_FILES>;
  const service = enabled ? guard(DRIVE, { Files: guard(DRIVE_FILES, typed) }) : undefined;
  return {
    service,
    files,
    addForeignFile(name: string, content: string) {
      const file: StoredFile = {
        id: newId(),
        name,
        mimeType: "application/json",
        parents: [],
        content,
        createdAt: host.clock.now(),
        byScript: false,
        trashed: false,
      };
      files.set(file.id, file);
      return file;
    },
    userDelete(id: string) {
      files.delete(id);
    },
  };
}
