export { ValidationError, checkProp, refuseProps, requireProp } from "./validation-error";
export type { ValueRule } from "./validation-error";
