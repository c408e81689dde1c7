// The local Apps Script runtime (dev and test only; never shipped).
export { createRuntime, type Failure, type Runtime, type RuntimeOptions } from "./emu/runtime";
