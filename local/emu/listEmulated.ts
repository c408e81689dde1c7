// Prints what the local runtime emulates, per service, from the specs the code is checked
// against: `npx tsx local/emu/listEmulated.ts > docs/emulated.md`.
import { emulatedMarkdown } from "./emulated";

process.stdout.write(emulatedMarkdown());
