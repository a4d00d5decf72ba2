export * from "./users";
export * from "./api-tokens";
export * from "./audit";
export * from "./models";
export * from "./model-cards";
export * from "./risk";
export * from "./evaluations";
export * from "./reviews";
