export { openApiDocument } from "./build-openapi-document";
