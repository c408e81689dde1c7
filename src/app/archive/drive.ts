// The archive's files in Drive, through the Drive advanced service (API v3) under the
// drive.file scope: the desk sees only the files it created. IDs are reserved with
// generateIds before anything is created, so a retry after a cut creates the same file (Drive
// refuses a second one with that ID) instead of a duplicate.

type DriveService = GoogleAppsScript.Drive;

const FOLDER = "application/vnd.google-apps.folder";
const JSON_TYPE = "application/json";

/** The Drive service, or null when the script's manifest does not enable it. */
export function driveOrNull(): DriveService | null {
  return typeof Drive === "undefined" || !Drive ? null : Drive;
}

export function reserveId(drive: DriveService): string {
  const id = drive.Files.generateIds({ count: 1 }).ids?.[0];
  if (!id) throw new Error("Drive returned no file ID");
  return id;
}

const notFound = (e: unknown) => /not found/i.test(e instanceof Error ? e.message : String(e));

/** Whether the file (or folder) exists and the desk may see it. */
export function exists(drive: DriveService, id: string): boolean {
  try {
    drive.Files.get(id);
    return true;
  } catch (e) {
    if (notFound(e)) return false;
    throw e;
  }
}

export function createFolder(drive: DriveService, id: string, name: string): void {
  drive.Files.create({ id, name, mimeType: FOLDER });
}

export function createJson(
  drive: DriveService,
  id: string,
  name: string,
  folderId: string,
  text: string,
): void {
  drive.Files.create(
    { id, name, mimeType: JSON_TYPE, parents: [folderId] },
    Utilities.newBlob(text, JSON_TYPE, name),
  );
}

/** The file's text; null when it is gone (deleted for good) or no longer the desk's to see. */
export function readText(drive: DriveService, id: string): string | null {
  try {
    const content: unknown = drive.Files.get(id, { alt: "media" });
    if (typeof content === "string") return content;
    // Some runtimes hand media back as a blob.
    return (content as GoogleAppsScript.Base.Blob).getDataAsString("UTF-8");
  } catch (e) {
    if (notFound(e)) return null;
    throw e;
  }
}

/** What the Stats sheet shows for a file: a link a person can open. */
export const fileLink = (id: string) => `https://drive.google.com/file/d/${id}/view`;

export function idOfLink(link: string): string {
  return /\/d\/([\w-]+)/.exec(link)?.[1] ?? link.trim();
}
