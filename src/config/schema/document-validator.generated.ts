/* eslint-disable */
// @ts-nocheck
// GENERATED from schemas/*.schema.json by src/config/schema/generate.ts; do not edit.
// Regenerate: LICENSECTL_REGENERATE=1 npx vitest run test/config/schema-generated.test.ts
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);

export const validateDocument = validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://licensectl.dev/schemas/v1/common.schema.json","title":"licensectl document","description":"Any licensectl/v1 document; the kind selects the schema that applies. Point a multi-kind YAML file at this schema. The $defs are shared by the per-kind schemas. `x-expected` is an annotation licensectl uses to word its error messages.","type":"object","required":["apiVersion","kind"],"properties":{"apiVersion":{"$ref":"#/$defs/apiVersion"},"kind":{"description":"The kind of resource this document describes.","enum":["Project","LicenseConfiguration","License","ResourceShare","Grant"]}},"allOf":[{"if":{"type":"object","properties":{"kind":{"const":"Project"}},"required":["kind"]},"then":{"$ref":"project.schema.json"}},{"if":{"type":"object","properties":{"kind":{"const":"LicenseConfiguration"}},"required":["kind"]},"then":{"$ref":"license-configuration.schema.json"}},{"if":{"type":"object","properties":{"kind":{"const":"License"}},"required":["kind"]},"then":{"$ref":"license.schema.json"}},{"if":{"type":"object","properties":{"kind":{"const":"ResourceShare"}},"required":["kind"]},"then":{"$ref":"resource-share.schema.json"}},{"if":{"type":"object","properties":{"kind":{"const":"Grant"}},"required":["kind"]},"then":{"$ref":"grant.schema.json"}}],"$defs":{"apiVersion":{"description":"The version of the licensectl document format.","const":"licensectl/v1"},"name":{"description":"Lower-case letters, digits and hyphens, 1-63 characters, starting and ending with a letter or digit.","type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","x-expected":"1-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit"},"displayName":{"description":"The name the resource has in AWS; defaults to metadata.name.","type":"string","minLength":1,"maxLength":256},"tags":{"description":"User tags, applied to the resource in AWS. Keys starting with licensectl: are reserved.","type":"object","propertyNames":{"type":"string","minLength":1,"maxLength":128},"additionalProperties":{"type":"string","maxLength":256}},"metadata":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/$defs/name"},"tags":{"$ref":"#/$defs/tags"}}},"dateTime":{"description":"An RFC 3339 date-time in UTC, e.g. 2027-06-30T00:00:00Z.","type":"string","format":"date-time","x-expected":"an RFC 3339 date-time such as 2027-06-30T00:00:00Z"},"accountId":{"description":"A 12-digit AWS account id (quote it in YAML so leading zeros survive).","type":"string","pattern":"^[0-9]{12}$","x-expected":"a 12-digit AWS account id"},"region":{"description":"An AWS region, e.g. us-east-1.","type":"string","pattern":"^[a-z]{2}(-[a-z]+)+-[0-9]+$","x-expected":"an AWS region such as us-east-1"},"licenseConfigurationArn":{"type":"string","pattern":"^arn:aws[a-z-]*:license-manager:[a-z0-9-]+:[0-9]{12}:license-configuration:lic-[0-9A-Za-z]+$","x-expected":"a license configuration ARN"},"licenseArn":{"description":"The ARN of a license, e.g. arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef.","type":"string","pattern":"^arn:aws[a-z-]*:license-manager::[0-9]{12}:license:l-[0-9A-Za-z]+$","x-expected":"a license ARN such as arn:aws:license-manager::111122223333:license:l-0123456789abcdef"}}};
const schema33 = {"description":"The version of the licensectl document format.","const":"licensectl/v1"};
const schema32 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://licensectl.dev/schemas/v1/project.schema.json","title":"licensectl Project","description":"The project file licensectl.yaml: the project name, where its resources live, and which files are desired state.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata"],"properties":{"apiVersion":{"$ref":"common.schema.json#/$defs/apiVersion"},"kind":{"const":"Project"},"metadata":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"common.schema.json#/$defs/name"}}},"spec":{"type":"object","additionalProperties":false,"properties":{"store":{"$ref":"#/$defs/store"},"prune":{"description":"Delete managed resources whose documents were removed. Default true.","type":"boolean"},"account":{"description":"The account plan and apply must run against; any other account is refused.","$ref":"common.schema.json#/$defs/accountId"},"include":{"$ref":"#/$defs/globs"},"exclude":{"$ref":"#/$defs/globs"}}}},"$defs":{"globs":{"description":"Glob patterns (picomatch) of desired-state files, relative to the project directory.","type":"array","items":{"type":"string","minLength":1}},"store":{"description":"emulator (the default; state in .licensectl/emulator.json) or aws.","type":"object","required":["type"],"properties":{"type":{"enum":["emulator","aws"]}},"allOf":[{"if":{"type":"object","properties":{"type":{"const":"emulator"}},"required":["type"]},"then":{"additionalProperties":false,"properties":{"type":true,"path":{"description":"The emulator state file, relative to the project directory.","type":"string","minLength":1}}}},{"if":{"type":"object","properties":{"type":{"const":"aws"}},"required":["type"]},"then":{"additionalProperties":false,"properties":{"type":true,"region":{"$ref":"common.schema.json#/$defs/region"},"profile":{"type":"string","minLength":1},"endpoint":{"description":"Override the service endpoint, e.g. http://127.0.0.1:4566 for `licensectl emulator serve`.","type":"string","format":"uri","pattern":"^https?://","x-expected":"an http(s) URL such as http://127.0.0.1:4566"}}}}]}}};
const schema34 = {"description":"Lower-case letters, digits and hyphens, 1-63 characters, starting and ending with a letter or digit.","type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","x-expected":"1-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit"};
const schema37 = {"description":"A 12-digit AWS account id (quote it in YAML so leading zeros survive).","type":"string","pattern":"^[0-9]{12}$","x-expected":"a 12-digit AWS account id"};
const schema38 = {"description":"Glob patterns (picomatch) of desired-state files, relative to the project directory.","type":"array","items":{"type":"string","minLength":1}};
const pattern4 = new RegExp("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "u");
const pattern7 = new RegExp("^[0-9]{12}$", "u");
const schema35 = {"description":"emulator (the default; state in .licensectl/emulator.json) or aws.","type":"object","required":["type"],"properties":{"type":{"enum":["emulator","aws"]}},"allOf":[{"if":{"type":"object","properties":{"type":{"const":"emulator"}},"required":["type"]},"then":{"additionalProperties":false,"properties":{"type":true,"path":{"description":"The emulator state file, relative to the project directory.","type":"string","minLength":1}}}},{"if":{"type":"object","properties":{"type":{"const":"aws"}},"required":["type"]},"then":{"additionalProperties":false,"properties":{"type":true,"region":{"$ref":"common.schema.json#/$defs/region"},"profile":{"type":"string","minLength":1},"endpoint":{"description":"Override the service endpoint, e.g. http://127.0.0.1:4566 for `licensectl emulator serve`.","type":"string","format":"uri","pattern":"^https?://","x-expected":"an http(s) URL such as http://127.0.0.1:4566"}}}}]};
const schema36 = {"description":"An AWS region, e.g. us-east-1.","type":"string","pattern":"^[a-z]{2}(-[a-z]+)+-[0-9]+$","x-expected":"an AWS region such as us-east-1"};
const func1 = require("ajv/dist/runtime/ucs2length").default;
const pattern5 = new RegExp("^[a-z]{2}(-[a-z]+)+-[0-9]+$", "u");
const pattern6 = new RegExp("^https?://", "u");
const formats0 = require("ajv-formats/dist/formats").fullFormats.uri;

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
if("emulator" !== data.type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
else {
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "type") || (key0 === "path"))){
const err3 = {instancePath,schemaPath:"#/allOf/0/then/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema35.allOf[0].then,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.path !== undefined){
let data1 = data.path;
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err4 = {instancePath:instancePath+"/path",schemaPath:"#/allOf/0/then/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35.allOf[0].then.properties.path,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/path",schemaPath:"#/allOf/0/then/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.allOf[0].then.properties.path.type,parentSchema:schema35.allOf[0].then.properties.path,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
var _valid0 = _errs6 === errors;
valid1 = _valid0;
if(valid1){
var props0 = true;
}
}
if(!valid1){
const err6 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema35.allOf[0].if,parentSchema:schema35.allOf[0],data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const _errs11 = errors;
let valid4 = true;
const _errs12 = errors;
if(errors === _errs12){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
if(data.type !== undefined){
if("aws" !== data.type){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
}
else {
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid1 = _errs12 === errors;
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs15 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key1 in data){
if(!((((key1 === "type") || (key1 === "region")) || (key1 === "profile")) || (key1 === "endpoint"))){
const err10 = {instancePath,schemaPath:"#/allOf/1/then/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema35.allOf[1].then,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.region !== undefined){
let data3 = data.region;
if(typeof data3 === "string"){
if(!pattern5.test(data3)){
const err11 = {instancePath:instancePath+"/region",schemaPath:"common.schema.json#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(-[a-z]+)+-[0-9]+$"},message:"must match pattern \""+"^[a-z]{2}(-[a-z]+)+-[0-9]+$"+"\"",schema:"^[a-z]{2}(-[a-z]+)+-[0-9]+$",parentSchema:schema36,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/region",schemaPath:"common.schema.json#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.profile !== undefined){
let data4 = data.profile;
if(typeof data4 === "string"){
if(func1(data4) < 1){
const err13 = {instancePath:instancePath+"/profile",schemaPath:"#/allOf/1/then/properties/profile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35.allOf[1].then.properties.profile,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/profile",schemaPath:"#/allOf/1/then/properties/profile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.allOf[1].then.properties.profile.type,parentSchema:schema35.allOf[1].then.properties.profile,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.endpoint !== undefined){
let data5 = data.endpoint;
if(typeof data5 === "string"){
if(!pattern6.test(data5)){
const err15 = {instancePath:instancePath+"/endpoint",schemaPath:"#/allOf/1/then/properties/endpoint/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema35.allOf[1].then.properties.endpoint,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!(formats0(data5))){
const err16 = {instancePath:instancePath+"/endpoint",schemaPath:"#/allOf/1/then/properties/endpoint/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\"",schema:"uri",parentSchema:schema35.allOf[1].then.properties.endpoint,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/endpoint",schemaPath:"#/allOf/1/then/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.allOf[1].then.properties.endpoint.type,parentSchema:schema35.allOf[1].then.properties.endpoint,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
var _valid1 = _errs15 === errors;
valid4 = _valid1;
if(valid4){
var props1 = true;
}
}
if(!valid4){
const err18 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema35.allOf[1].if,parentSchema:schema35.allOf[1],data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err19 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
}
if(data.type !== undefined){
let data6 = data.type;
if(!((data6 === "emulator") || (data6 === "aws"))){
const err20 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema35.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema35.properties.type.enum,parentSchema:schema35.properties.type,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate22.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate22.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://licensectl.dev/schemas/v1/project.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("licensectl/v1" !== data0){
const err4 = {instancePath:instancePath+"/apiVersion",schemaPath:"common.schema.json#/$defs/apiVersion/const",keyword:"const",params:{allowedValue: "licensectl/v1"},message:"must be equal to constant",schema:"licensectl/v1",parentSchema:schema33,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Project" !== data1){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Project"},message:"must be equal to constant",schema:"Project",parentSchema:schema32.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err6 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema32.properties.metadata.required,parentSchema:schema32.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key1 in data2){
if(!(key1 === "name")){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err8 = {instancePath:instancePath+"/metadata/name",schemaPath:"common.schema.json#/$defs/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/metadata/name",schemaPath:"common.schema.json#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.metadata.type,parentSchema:schema32.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.spec !== undefined){
let data4 = data.spec;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key2 in data4){
if(!(((((key2 === "store") || (key2 === "prune")) || (key2 === "account")) || (key2 === "include")) || (key2 === "exclude"))){
const err11 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data4.store !== undefined){
if(!(validate22(data4.store, {instancePath:instancePath+"/spec/store",parentData:data4,parentDataProperty:"store",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
if(data4.prune !== undefined){
let data6 = data4.prune;
if(typeof data6 !== "boolean"){
const err12 = {instancePath:instancePath+"/spec/prune",schemaPath:"#/properties/spec/properties/prune/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.spec.properties.prune.type,parentSchema:schema32.properties.spec.properties.prune,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data4.account !== undefined){
let data7 = data4.account;
if(typeof data7 === "string"){
if(!pattern7.test(data7)){
const err13 = {instancePath:instancePath+"/spec/account",schemaPath:"common.schema.json#/$defs/accountId/pattern",keyword:"pattern",params:{pattern: "^[0-9]{12}$"},message:"must match pattern \""+"^[0-9]{12}$"+"\"",schema:"^[0-9]{12}$",parentSchema:schema37,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/spec/account",schemaPath:"common.schema.json#/$defs/accountId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.type,parentSchema:schema37,data:data7};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data4.include !== undefined){
let data8 = data4.include;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(typeof data9 === "string"){
if(func1(data9) < 1){
const err15 = {instancePath:instancePath+"/spec/include/" + i0,schemaPath:"#/$defs/globs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.items,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/spec/include/" + i0,schemaPath:"#/$defs/globs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.items.type,parentSchema:schema38.items,data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/spec/include",schemaPath:"#/$defs/globs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.type,parentSchema:schema38,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data4.exclude !== undefined){
let data10 = data4.exclude;
if(Array.isArray(data10)){
const len1 = data10.length;
for(let i1=0; i1<len1; i1++){
let data11 = data10[i1];
if(typeof data11 === "string"){
if(func1(data11) < 1){
const err18 = {instancePath:instancePath+"/spec/exclude/" + i1,schemaPath:"#/$defs/globs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.items,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/spec/exclude/" + i1,schemaPath:"#/$defs/globs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.items.type,parentSchema:schema38.items,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/spec/exclude",schemaPath:"#/$defs/globs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.type,parentSchema:schema38,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.spec.type,parentSchema:schema32.properties.spec,data:data4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema40 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://licensectl.dev/schemas/v1/license-configuration.schema.json","title":"licensectl LicenseConfiguration","description":"A License Manager license configuration (self-managed license).","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"$ref":"common.schema.json#/$defs/apiVersion"},"kind":{"const":"LicenseConfiguration"},"metadata":{"$ref":"common.schema.json#/$defs/metadata"},"spec":{"type":"object","additionalProperties":false,"required":["countingType"],"properties":{"displayName":{"$ref":"common.schema.json#/$defs/displayName"},"description":{"type":"string","maxLength":1024},"countingType":{"description":"The dimension licenses are counted in; cannot change in place.","enum":["vCPU","Instance","Core","Socket"]},"licenseCount":{"description":"Number of licenses; omit for no limit.","type":"integer","minimum":0},"hardLimit":{"description":"Exceeding a hard limit blocks the launch of new instances.","type":"boolean"},"rules":{"$ref":"#/$defs/rules"},"productInformation":{"description":"Automated discovery through Systems Manager inventory or RDS.","type":"array","items":{"$ref":"#/$defs/productInformation"}},"disassociateWhenNotFound":{"description":"Disassociate a resource when the software is uninstalled.","type":"boolean"},"expiry":{"$ref":"common.schema.json#/$defs/dateTime"},"status":{"description":"DISABLED deactivates the configuration: consumption is no longer tracked.","enum":["AVAILABLE","DISABLED"]}}}},"$defs":{"count":{"type":"integer","minimum":1,"maximum":10000},"rules":{"description":"License rules; which ones are allowed depends on countingType.","type":"object","additionalProperties":false,"properties":{"allowedTenancy":{"type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["EC2-Default","EC2-DedicatedHost","EC2-DedicatedInstance"]}},"licenseAffinityToHost":{"description":"Days a license stays with a host (Core and Socket only).","type":"integer","minimum":1,"maximum":180},"minimumCores":{"$ref":"#/$defs/count"},"maximumCores":{"$ref":"#/$defs/count"},"minimumSockets":{"$ref":"#/$defs/count"},"maximumSockets":{"$ref":"#/$defs/count"},"minimumVcpus":{"$ref":"#/$defs/count"},"maximumVcpus":{"$ref":"#/$defs/count"},"honorVcpuOptimization":{"type":"boolean"}}},"productInformation":{"type":"object","additionalProperties":false,"required":["resourceType","filters"],"properties":{"resourceType":{"enum":["SSM_MANAGED","RDS"]},"filters":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/filter"}}}},"filter":{"type":"object","additionalProperties":false,"required":["name","comparator"],"properties":{"name":{"type":"string","minLength":1},"comparator":{"enum":["EQUALS","NOT_EQUALS"]},"value":{"description":"One value or a list of values.","type":["string","array"],"items":{"type":"string"},"x-expected":"a string or a list of strings"}}}}};
const schema45 = {"description":"The name the resource has in AWS; defaults to metadata.name.","type":"string","minLength":1,"maxLength":256};
const schema55 = {"description":"An RFC 3339 date-time in UTC, e.g. 2027-06-30T00:00:00Z.","type":"string","format":"date-time","x-expected":"an RFC 3339 date-time such as 2027-06-30T00:00:00Z"};
const schema42 = {"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/$defs/name"},"tags":{"$ref":"#/$defs/tags"}}};
const schema44 = {"description":"User tags, applied to the resource in AWS. Keys starting with licensectl: are reserved.","type":"object","propertyNames":{"type":"string","minLength":1,"maxLength":128},"additionalProperties":{"type":"string","maxLength":256}};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema42.required,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "name") || (key0 === "tags"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.tags !== undefined){
let data1 = data.tags;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
const _errs8 = errors;
if(typeof key1 === "string"){
if(func1(key1) > 128){
const err4 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func1(key1) < 1){
const err5 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.propertyNames.type,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var valid3 = _errs8 === errors;
if(!valid3){
const err7 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema44.propertyNames,parentSchema:schema44,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
for(const key2 in data1){
let data2 = data1[key2];
if(typeof data2 === "string"){
if(func1(data2) > 256){
const err8 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tags/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema44.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tags/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.additionalProperties.type,parentSchema:schema44.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema46 = {"description":"License rules; which ones are allowed depends on countingType.","type":"object","additionalProperties":false,"properties":{"allowedTenancy":{"type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["EC2-Default","EC2-DedicatedHost","EC2-DedicatedInstance"]}},"licenseAffinityToHost":{"description":"Days a license stays with a host (Core and Socket only).","type":"integer","minimum":1,"maximum":180},"minimumCores":{"$ref":"#/$defs/count"},"maximumCores":{"$ref":"#/$defs/count"},"minimumSockets":{"$ref":"#/$defs/count"},"maximumSockets":{"$ref":"#/$defs/count"},"minimumVcpus":{"$ref":"#/$defs/count"},"maximumVcpus":{"$ref":"#/$defs/count"},"honorVcpuOptimization":{"type":"boolean"}}};
const schema47 = {"type":"integer","minimum":1,"maximum":10000};
const func8 = Object.prototype.hasOwnProperty;
const func0 = require("ajv/dist/runtime/equal").default;

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func8.call(schema46.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema46,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.allowedTenancy !== undefined){
let data0 = data.allowedTenancy;
if(Array.isArray(data0)){
if(data0.length < 1){
const err1 = {instancePath:instancePath+"/allowedTenancy",schemaPath:"#/properties/allowedTenancy/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema46.properties.allowedTenancy,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(!(((data1 === "EC2-Default") || (data1 === "EC2-DedicatedHost")) || (data1 === "EC2-DedicatedInstance"))){
const err2 = {instancePath:instancePath+"/allowedTenancy/" + i0,schemaPath:"#/properties/allowedTenancy/items/enum",keyword:"enum",params:{allowedValues: schema46.properties.allowedTenancy.items.enum},message:"must be equal to one of the allowed values",schema:schema46.properties.allowedTenancy.items.enum,parentSchema:schema46.properties.allowedTenancy.items,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
let i1 = data0.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data0[i1], data0[j0])){
const err3 = {instancePath:instancePath+"/allowedTenancy",schemaPath:"#/properties/allowedTenancy/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema46.properties.allowedTenancy,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err4 = {instancePath:instancePath+"/allowedTenancy",schemaPath:"#/properties/allowedTenancy/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema46.properties.allowedTenancy.type,parentSchema:schema46.properties.allowedTenancy,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.licenseAffinityToHost !== undefined){
let data2 = data.licenseAffinityToHost;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err5 = {instancePath:instancePath+"/licenseAffinityToHost",schemaPath:"#/properties/licenseAffinityToHost/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema46.properties.licenseAffinityToHost.type,parentSchema:schema46.properties.licenseAffinityToHost,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 180 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/licenseAffinityToHost",schemaPath:"#/properties/licenseAffinityToHost/maximum",keyword:"maximum",params:{comparison: "<=", limit: 180},message:"must be <= 180",schema:180,parentSchema:schema46.properties.licenseAffinityToHost,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/licenseAffinityToHost",schemaPath:"#/properties/licenseAffinityToHost/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema46.properties.licenseAffinityToHost,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.minimumCores !== undefined){
let data3 = data.minimumCores;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/minimumCores",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.type,parentSchema:schema47,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 10000 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/minimumCores",schemaPath:"#/$defs/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema47,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3 < 1 || isNaN(data3)){
const err10 = {instancePath:instancePath+"/minimumCores",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema47,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data.maximumCores !== undefined){
let data4 = data.maximumCores;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err11 = {instancePath:instancePath+"/maximumCores",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.type,parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 10000 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/maximumCores",schemaPath:"#/$defs/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/maximumCores",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.minimumSockets !== undefined){
let data5 = data.minimumSockets;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err14 = {instancePath:instancePath+"/minimumSockets",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.type,parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 10000 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/minimumSockets",schemaPath:"#/$defs/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err16 = {instancePath:instancePath+"/minimumSockets",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.maximumSockets !== undefined){
let data6 = data.maximumSockets;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err17 = {instancePath:instancePath+"/maximumSockets",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.type,parentSchema:schema47,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 10000 || isNaN(data6)){
const err18 = {instancePath:instancePath+"/maximumSockets",schemaPath:"#/$defs/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema47,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data6 < 1 || isNaN(data6)){
const err19 = {instancePath:instancePath+"/maximumSockets",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema47,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data.minimumVcpus !== undefined){
let data7 = data.minimumVcpus;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err20 = {instancePath:instancePath+"/minimumVcpus",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.type,parentSchema:schema47,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 10000 || isNaN(data7)){
const err21 = {instancePath:instancePath+"/minimumVcpus",schemaPath:"#/$defs/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema47,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data7 < 1 || isNaN(data7)){
const err22 = {instancePath:instancePath+"/minimumVcpus",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema47,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
if(data.maximumVcpus !== undefined){
let data8 = data.maximumVcpus;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err23 = {instancePath:instancePath+"/maximumVcpus",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.type,parentSchema:schema47,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 10000 || isNaN(data8)){
const err24 = {instancePath:instancePath+"/maximumVcpus",schemaPath:"#/$defs/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema47,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data8 < 1 || isNaN(data8)){
const err25 = {instancePath:instancePath+"/maximumVcpus",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema47,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
if(data.honorVcpuOptimization !== undefined){
let data9 = data.honorVcpuOptimization;
if(typeof data9 !== "boolean"){
const err26 = {instancePath:instancePath+"/honorVcpuOptimization",schemaPath:"#/properties/honorVcpuOptimization/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema46.properties.honorVcpuOptimization.type,parentSchema:schema46.properties.honorVcpuOptimization,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.type,parentSchema:schema46,data};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema53 = {"type":"object","additionalProperties":false,"required":["resourceType","filters"],"properties":{"resourceType":{"enum":["SSM_MANAGED","RDS"]},"filters":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/filter"}}}};
const schema54 = {"type":"object","additionalProperties":false,"required":["name","comparator"],"properties":{"name":{"type":"string","minLength":1},"comparator":{"enum":["EQUALS","NOT_EQUALS"]},"value":{"description":"One value or a list of values.","type":["string","array"],"items":{"type":"string"},"x-expected":"a string or a list of strings"}}};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.resourceType === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "resourceType"},message:"must have required property '"+"resourceType"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.filters === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "filters"},message:"must have required property '"+"filters"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "resourceType") || (key0 === "filters"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.resourceType !== undefined){
let data0 = data.resourceType;
if(!((data0 === "SSM_MANAGED") || (data0 === "RDS"))){
const err3 = {instancePath:instancePath+"/resourceType",schemaPath:"#/properties/resourceType/enum",keyword:"enum",params:{allowedValues: schema53.properties.resourceType.enum},message:"must be equal to one of the allowed values",schema:schema53.properties.resourceType.enum,parentSchema:schema53.properties.resourceType,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.filters !== undefined){
let data1 = data.filters;
if(Array.isArray(data1)){
if(data1.length < 1){
const err4 = {instancePath:instancePath+"/filters",schemaPath:"#/properties/filters/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema53.properties.filters,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err5 = {instancePath:instancePath+"/filters/" + i0,schemaPath:"#/$defs/filter/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema54.required,parentSchema:schema54,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data2.comparator === undefined){
const err6 = {instancePath:instancePath+"/filters/" + i0,schemaPath:"#/$defs/filter/required",keyword:"required",params:{missingProperty: "comparator"},message:"must have required property '"+"comparator"+"'",schema:schema54.required,parentSchema:schema54,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key1 in data2){
if(!(((key1 === "name") || (key1 === "comparator")) || (key1 === "value"))){
const err7 = {instancePath:instancePath+"/filters/" + i0,schemaPath:"#/$defs/filter/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema54,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(func1(data3) < 1){
const err8 = {instancePath:instancePath+"/filters/" + i0+"/name",schemaPath:"#/$defs/filter/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema54.properties.name,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/filters/" + i0+"/name",schemaPath:"#/$defs/filter/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.properties.name.type,parentSchema:schema54.properties.name,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.comparator !== undefined){
let data4 = data2.comparator;
if(!((data4 === "EQUALS") || (data4 === "NOT_EQUALS"))){
const err10 = {instancePath:instancePath+"/filters/" + i0+"/comparator",schemaPath:"#/$defs/filter/properties/comparator/enum",keyword:"enum",params:{allowedValues: schema54.properties.comparator.enum},message:"must be equal to one of the allowed values",schema:schema54.properties.comparator.enum,parentSchema:schema54.properties.comparator,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.value !== undefined){
let data5 = data2.value;
if((typeof data5 !== "string") && (!(Array.isArray(data5)))){
const err11 = {instancePath:instancePath+"/filters/" + i0+"/value",schemaPath:"#/$defs/filter/properties/value/type",keyword:"type",params:{type: schema54.properties.value.type},message:"must be string,array",schema:schema54.properties.value.type,parentSchema:schema54.properties.value,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
if(typeof data6 !== "string"){
const err12 = {instancePath:instancePath+"/filters/" + i0+"/value/" + i1,schemaPath:"#/$defs/filter/properties/value/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.properties.value.items.type,parentSchema:schema54.properties.value.items,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
}
}
else {
const err13 = {instancePath:instancePath+"/filters/" + i0,schemaPath:"#/$defs/filter/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema54.type,parentSchema:schema54,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/filters",schemaPath:"#/properties/filters/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema53.properties.filters.type,parentSchema:schema53.properties.filters,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.type,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const formats2 = require("ajv-formats/dist/formats").fullFormats["date-time"];

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://licensectl.dev/schemas/v1/license-configuration.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("licensectl/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"common.schema.json#/$defs/apiVersion/const",keyword:"const",params:{allowedValue: "licensectl/v1"},message:"must be equal to constant",schema:"licensectl/v1",parentSchema:schema33,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("LicenseConfiguration" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "LicenseConfiguration"},message:"must be equal to constant",schema:"LicenseConfiguration",parentSchema:schema40.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
if(!(validate26(data.metadata, {instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
if(data.spec !== undefined){
let data3 = data.spec;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.countingType === undefined){
const err7 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "countingType"},message:"must have required property '"+"countingType"+"'",schema:schema40.properties.spec.required,parentSchema:schema40.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data3){
if(!(func8.call(schema40.properties.spec.properties, key1))){
const err8 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data3.displayName !== undefined){
let data4 = data3.displayName;
if(typeof data4 === "string"){
if(func1(data4) > 256){
const err9 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(func1(data4) < 1){
const err10 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.type,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.description !== undefined){
let data5 = data3.description;
if(typeof data5 === "string"){
if(func1(data5) > 1024){
const err12 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema40.properties.spec.properties.description,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.spec.properties.description.type,parentSchema:schema40.properties.spec.properties.description,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.countingType !== undefined){
let data6 = data3.countingType;
if(!((((data6 === "vCPU") || (data6 === "Instance")) || (data6 === "Core")) || (data6 === "Socket"))){
const err14 = {instancePath:instancePath+"/spec/countingType",schemaPath:"#/properties/spec/properties/countingType/enum",keyword:"enum",params:{allowedValues: schema40.properties.spec.properties.countingType.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.spec.properties.countingType.enum,parentSchema:schema40.properties.spec.properties.countingType,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data3.licenseCount !== undefined){
let data7 = data3.licenseCount;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err15 = {instancePath:instancePath+"/spec/licenseCount",schemaPath:"#/properties/spec/properties/licenseCount/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.spec.properties.licenseCount.type,parentSchema:schema40.properties.spec.properties.licenseCount,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err16 = {instancePath:instancePath+"/spec/licenseCount",schemaPath:"#/properties/spec/properties/licenseCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.spec.properties.licenseCount,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data3.hardLimit !== undefined){
let data8 = data3.hardLimit;
if(typeof data8 !== "boolean"){
const err17 = {instancePath:instancePath+"/spec/hardLimit",schemaPath:"#/properties/spec/properties/hardLimit/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema40.properties.spec.properties.hardLimit.type,parentSchema:schema40.properties.spec.properties.hardLimit,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data3.rules !== undefined){
if(!(validate28(data3.rules, {instancePath:instancePath+"/spec/rules",parentData:data3,parentDataProperty:"rules",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data3.productInformation !== undefined){
let data10 = data3.productInformation;
if(Array.isArray(data10)){
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
if(!(validate30(data10[i0], {instancePath:instancePath+"/spec/productInformation/" + i0,parentData:data10,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
errors = vErrors.length;
}
}
}
else {
const err18 = {instancePath:instancePath+"/spec/productInformation",schemaPath:"#/properties/spec/properties/productInformation/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.spec.properties.productInformation.type,parentSchema:schema40.properties.spec.properties.productInformation,data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data3.disassociateWhenNotFound !== undefined){
let data12 = data3.disassociateWhenNotFound;
if(typeof data12 !== "boolean"){
const err19 = {instancePath:instancePath+"/spec/disassociateWhenNotFound",schemaPath:"#/properties/spec/properties/disassociateWhenNotFound/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema40.properties.spec.properties.disassociateWhenNotFound.type,parentSchema:schema40.properties.spec.properties.disassociateWhenNotFound,data:data12};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data3.expiry !== undefined){
let data13 = data3.expiry;
if(typeof data13 === "string"){
if(!(formats2.validate(data13))){
const err20 = {instancePath:instancePath+"/spec/expiry",schemaPath:"common.schema.json#/$defs/dateTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema55,data:data13};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/spec/expiry",schemaPath:"common.schema.json#/$defs/dateTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema55.type,parentSchema:schema55,data:data13};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data3.status !== undefined){
let data14 = data3.status;
if(!((data14 === "AVAILABLE") || (data14 === "DISABLED"))){
const err22 = {instancePath:instancePath+"/spec/status",schemaPath:"#/properties/spec/properties/status/enum",keyword:"enum",params:{allowedValues: schema40.properties.spec.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.spec.properties.status.enum,parentSchema:schema40.properties.spec.properties.status,data:data14};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.spec.type,parentSchema:schema40.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema56 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://licensectl.dev/schemas/v1/license.schema.json","title":"licensectl License","description":"A seller-issued license (CreateLicense) that grants distribute.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"$ref":"common.schema.json#/$defs/apiVersion"},"kind":{"const":"License"},"metadata":{"$ref":"common.schema.json#/$defs/metadata"},"spec":{"type":"object","additionalProperties":false,"required":["productName","productSku","issuer","homeRegion","validity","entitlements"],"properties":{"displayName":{"$ref":"common.schema.json#/$defs/displayName"},"productName":{"type":"string","minLength":1},"productSku":{"type":"string","minLength":1},"issuer":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1},"signKey":{"type":"string","minLength":1}}},"homeRegion":{"$ref":"common.schema.json#/$defs/region"},"validity":{"type":"object","additionalProperties":false,"required":["begin"],"properties":{"begin":{"$ref":"common.schema.json#/$defs/dateTime"},"end":{"$ref":"common.schema.json#/$defs/dateTime"}}},"beneficiary":{"type":"string","minLength":1},"entitlements":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/entitlement"}},"consumptionConfiguration":{"$ref":"#/$defs/consumptionConfiguration"},"licenseMetadata":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","value"],"properties":{"name":{"type":"string","minLength":1},"value":{"type":"string"}}}},"status":{"enum":["AVAILABLE","DEACTIVATED","SUSPENDED"]}}}},"$defs":{"entitlement":{"type":"object","additionalProperties":false,"required":["name","unit"],"properties":{"name":{"type":"string","minLength":1},"unit":{"enum":["Count","None","Seconds","Microseconds","Milliseconds","Bytes","Kilobytes","Megabytes","Gigabytes","Terabytes","Bits","Kilobits","Megabits","Gigabits","Terabits","Percent","Bytes/Second","Kilobytes/Second","Megabytes/Second","Gigabytes/Second","Terabytes/Second","Bits/Second","Kilobits/Second","Megabits/Second","Gigabits/Second","Terabits/Second","Count/Second"]},"maxCount":{"description":"The maximum count; only for units other than None.","type":"integer","minimum":0},"value":{"description":"The entitlement value; only for the unit None.","type":"string"},"overage":{"type":"boolean"},"allowCheckIn":{"type":"boolean"}}},"minutes":{"type":"integer","minimum":1},"consumptionConfiguration":{"type":"object","additionalProperties":false,"properties":{"renewType":{"enum":["None","Weekly","Monthly"]},"provisionalConfiguration":{"type":"object","additionalProperties":false,"required":["maxTimeToLiveInMinutes"],"properties":{"maxTimeToLiveInMinutes":{"$ref":"#/$defs/minutes"}}},"borrowConfiguration":{"type":"object","additionalProperties":false,"required":["allowEarlyCheckIn","maxTimeToLiveInMinutes"],"properties":{"allowEarlyCheckIn":{"type":"boolean"},"maxTimeToLiveInMinutes":{"$ref":"#/$defs/minutes"}}}}}}};
const schema65 = {"type":"object","additionalProperties":false,"required":["name","unit"],"properties":{"name":{"type":"string","minLength":1},"unit":{"enum":["Count","None","Seconds","Microseconds","Milliseconds","Bytes","Kilobytes","Megabytes","Gigabytes","Terabytes","Bits","Kilobits","Megabits","Gigabits","Terabits","Percent","Bytes/Second","Kilobytes/Second","Megabytes/Second","Gigabytes/Second","Terabytes/Second","Bits/Second","Kilobits/Second","Megabits/Second","Gigabits/Second","Terabits/Second","Count/Second"]},"maxCount":{"description":"The maximum count; only for units other than None.","type":"integer","minimum":0},"value":{"description":"The entitlement value; only for the unit None.","type":"string"},"overage":{"type":"boolean"},"allowCheckIn":{"type":"boolean"}}};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema42.required,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "name") || (key0 === "tags"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.tags !== undefined){
let data1 = data.tags;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
const _errs8 = errors;
if(typeof key1 === "string"){
if(func1(key1) > 128){
const err4 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func1(key1) < 1){
const err5 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.propertyNames.type,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var valid3 = _errs8 === errors;
if(!valid3){
const err7 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema44.propertyNames,parentSchema:schema44,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
for(const key2 in data1){
let data2 = data1[key2];
if(typeof data2 === "string"){
if(func1(data2) > 256){
const err8 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tags/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema44.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tags/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.additionalProperties.type,parentSchema:schema44.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema66 = {"type":"object","additionalProperties":false,"properties":{"renewType":{"enum":["None","Weekly","Monthly"]},"provisionalConfiguration":{"type":"object","additionalProperties":false,"required":["maxTimeToLiveInMinutes"],"properties":{"maxTimeToLiveInMinutes":{"$ref":"#/$defs/minutes"}}},"borrowConfiguration":{"type":"object","additionalProperties":false,"required":["allowEarlyCheckIn","maxTimeToLiveInMinutes"],"properties":{"allowEarlyCheckIn":{"type":"boolean"},"maxTimeToLiveInMinutes":{"$ref":"#/$defs/minutes"}}}}};
const schema67 = {"type":"integer","minimum":1};

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate36.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "renewType") || (key0 === "provisionalConfiguration")) || (key0 === "borrowConfiguration"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema66,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.renewType !== undefined){
let data0 = data.renewType;
if(!(((data0 === "None") || (data0 === "Weekly")) || (data0 === "Monthly"))){
const err1 = {instancePath:instancePath+"/renewType",schemaPath:"#/properties/renewType/enum",keyword:"enum",params:{allowedValues: schema66.properties.renewType.enum},message:"must be equal to one of the allowed values",schema:schema66.properties.renewType.enum,parentSchema:schema66.properties.renewType,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.provisionalConfiguration !== undefined){
let data1 = data.provisionalConfiguration;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.maxTimeToLiveInMinutes === undefined){
const err2 = {instancePath:instancePath+"/provisionalConfiguration",schemaPath:"#/properties/provisionalConfiguration/required",keyword:"required",params:{missingProperty: "maxTimeToLiveInMinutes"},message:"must have required property '"+"maxTimeToLiveInMinutes"+"'",schema:schema66.properties.provisionalConfiguration.required,parentSchema:schema66.properties.provisionalConfiguration,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data1){
if(!(key1 === "maxTimeToLiveInMinutes")){
const err3 = {instancePath:instancePath+"/provisionalConfiguration",schemaPath:"#/properties/provisionalConfiguration/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema66.properties.provisionalConfiguration,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.maxTimeToLiveInMinutes !== undefined){
let data2 = data1.maxTimeToLiveInMinutes;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err4 = {instancePath:instancePath+"/provisionalConfiguration/maxTimeToLiveInMinutes",schemaPath:"#/$defs/minutes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema67.type,parentSchema:schema67,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err5 = {instancePath:instancePath+"/provisionalConfiguration/maxTimeToLiveInMinutes",schemaPath:"#/$defs/minutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema67,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
}
else {
const err6 = {instancePath:instancePath+"/provisionalConfiguration",schemaPath:"#/properties/provisionalConfiguration/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.properties.provisionalConfiguration.type,parentSchema:schema66.properties.provisionalConfiguration,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.borrowConfiguration !== undefined){
let data3 = data.borrowConfiguration;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.allowEarlyCheckIn === undefined){
const err7 = {instancePath:instancePath+"/borrowConfiguration",schemaPath:"#/properties/borrowConfiguration/required",keyword:"required",params:{missingProperty: "allowEarlyCheckIn"},message:"must have required property '"+"allowEarlyCheckIn"+"'",schema:schema66.properties.borrowConfiguration.required,parentSchema:schema66.properties.borrowConfiguration,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data3.maxTimeToLiveInMinutes === undefined){
const err8 = {instancePath:instancePath+"/borrowConfiguration",schemaPath:"#/properties/borrowConfiguration/required",keyword:"required",params:{missingProperty: "maxTimeToLiveInMinutes"},message:"must have required property '"+"maxTimeToLiveInMinutes"+"'",schema:schema66.properties.borrowConfiguration.required,parentSchema:schema66.properties.borrowConfiguration,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key2 in data3){
if(!((key2 === "allowEarlyCheckIn") || (key2 === "maxTimeToLiveInMinutes"))){
const err9 = {instancePath:instancePath+"/borrowConfiguration",schemaPath:"#/properties/borrowConfiguration/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema66.properties.borrowConfiguration,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data3.allowEarlyCheckIn !== undefined){
let data4 = data3.allowEarlyCheckIn;
if(typeof data4 !== "boolean"){
const err10 = {instancePath:instancePath+"/borrowConfiguration/allowEarlyCheckIn",schemaPath:"#/properties/borrowConfiguration/properties/allowEarlyCheckIn/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema66.properties.borrowConfiguration.properties.allowEarlyCheckIn.type,parentSchema:schema66.properties.borrowConfiguration.properties.allowEarlyCheckIn,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.maxTimeToLiveInMinutes !== undefined){
let data5 = data3.maxTimeToLiveInMinutes;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err11 = {instancePath:instancePath+"/borrowConfiguration/maxTimeToLiveInMinutes",schemaPath:"#/$defs/minutes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema67.type,parentSchema:schema67,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 1 || isNaN(data5)){
const err12 = {instancePath:instancePath+"/borrowConfiguration/maxTimeToLiveInMinutes",schemaPath:"#/$defs/minutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema67,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
}
else {
const err13 = {instancePath:instancePath+"/borrowConfiguration",schemaPath:"#/properties/borrowConfiguration/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.properties.borrowConfiguration.type,parentSchema:schema66.properties.borrowConfiguration,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.type,parentSchema:schema66,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}
validate36.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://licensectl.dev/schemas/v1/license.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema56.required,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema56.required,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema56.required,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema56.required,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("licensectl/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"common.schema.json#/$defs/apiVersion/const",keyword:"const",params:{allowedValue: "licensectl/v1"},message:"must be equal to constant",schema:"licensectl/v1",parentSchema:schema33,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("License" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "License"},message:"must be equal to constant",schema:"License",parentSchema:schema56.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
if(!(validate34(data.metadata, {instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.spec !== undefined){
let data3 = data.spec;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.productName === undefined){
const err7 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "productName"},message:"must have required property '"+"productName"+"'",schema:schema56.properties.spec.required,parentSchema:schema56.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data3.productSku === undefined){
const err8 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "productSku"},message:"must have required property '"+"productSku"+"'",schema:schema56.properties.spec.required,parentSchema:schema56.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.issuer === undefined){
const err9 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "issuer"},message:"must have required property '"+"issuer"+"'",schema:schema56.properties.spec.required,parentSchema:schema56.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.homeRegion === undefined){
const err10 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "homeRegion"},message:"must have required property '"+"homeRegion"+"'",schema:schema56.properties.spec.required,parentSchema:schema56.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.validity === undefined){
const err11 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "validity"},message:"must have required property '"+"validity"+"'",schema:schema56.properties.spec.required,parentSchema:schema56.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data3.entitlements === undefined){
const err12 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "entitlements"},message:"must have required property '"+"entitlements"+"'",schema:schema56.properties.spec.required,parentSchema:schema56.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data3){
if(!(func8.call(schema56.properties.spec.properties, key1))){
const err13 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema56.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.displayName !== undefined){
let data4 = data3.displayName;
if(typeof data4 === "string"){
if(func1(data4) > 256){
const err14 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(func1(data4) < 1){
const err15 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.type,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data3.productName !== undefined){
let data5 = data3.productName;
if(typeof data5 === "string"){
if(func1(data5) < 1){
const err17 = {instancePath:instancePath+"/spec/productName",schemaPath:"#/properties/spec/properties/productName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema56.properties.spec.properties.productName,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/spec/productName",schemaPath:"#/properties/spec/properties/productName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.spec.properties.productName.type,parentSchema:schema56.properties.spec.properties.productName,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data3.productSku !== undefined){
let data6 = data3.productSku;
if(typeof data6 === "string"){
if(func1(data6) < 1){
const err19 = {instancePath:instancePath+"/spec/productSku",schemaPath:"#/properties/spec/properties/productSku/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema56.properties.spec.properties.productSku,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/spec/productSku",schemaPath:"#/properties/spec/properties/productSku/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.spec.properties.productSku.type,parentSchema:schema56.properties.spec.properties.productSku,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data3.issuer !== undefined){
let data7 = data3.issuer;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.name === undefined){
const err21 = {instancePath:instancePath+"/spec/issuer",schemaPath:"#/properties/spec/properties/issuer/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema56.properties.spec.properties.issuer.required,parentSchema:schema56.properties.spec.properties.issuer,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key2 in data7){
if(!((key2 === "name") || (key2 === "signKey"))){
const err22 = {instancePath:instancePath+"/spec/issuer",schemaPath:"#/properties/spec/properties/issuer/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema56.properties.spec.properties.issuer,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.name !== undefined){
let data8 = data7.name;
if(typeof data8 === "string"){
if(func1(data8) < 1){
const err23 = {instancePath:instancePath+"/spec/issuer/name",schemaPath:"#/properties/spec/properties/issuer/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema56.properties.spec.properties.issuer.properties.name,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/spec/issuer/name",schemaPath:"#/properties/spec/properties/issuer/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.spec.properties.issuer.properties.name.type,parentSchema:schema56.properties.spec.properties.issuer.properties.name,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.signKey !== undefined){
let data9 = data7.signKey;
if(typeof data9 === "string"){
if(func1(data9) < 1){
const err25 = {instancePath:instancePath+"/spec/issuer/signKey",schemaPath:"#/properties/spec/properties/issuer/properties/signKey/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema56.properties.spec.properties.issuer.properties.signKey,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/spec/issuer/signKey",schemaPath:"#/properties/spec/properties/issuer/properties/signKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.spec.properties.issuer.properties.signKey.type,parentSchema:schema56.properties.spec.properties.issuer.properties.signKey,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/spec/issuer",schemaPath:"#/properties/spec/properties/issuer/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.properties.spec.properties.issuer.type,parentSchema:schema56.properties.spec.properties.issuer,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data3.homeRegion !== undefined){
let data10 = data3.homeRegion;
if(typeof data10 === "string"){
if(!pattern5.test(data10)){
const err28 = {instancePath:instancePath+"/spec/homeRegion",schemaPath:"common.schema.json#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(-[a-z]+)+-[0-9]+$"},message:"must match pattern \""+"^[a-z]{2}(-[a-z]+)+-[0-9]+$"+"\"",schema:"^[a-z]{2}(-[a-z]+)+-[0-9]+$",parentSchema:schema36,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/spec/homeRegion",schemaPath:"common.schema.json#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data3.validity !== undefined){
let data11 = data3.validity;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.begin === undefined){
const err30 = {instancePath:instancePath+"/spec/validity",schemaPath:"#/properties/spec/properties/validity/required",keyword:"required",params:{missingProperty: "begin"},message:"must have required property '"+"begin"+"'",schema:schema56.properties.spec.properties.validity.required,parentSchema:schema56.properties.spec.properties.validity,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
for(const key3 in data11){
if(!((key3 === "begin") || (key3 === "end"))){
const err31 = {instancePath:instancePath+"/spec/validity",schemaPath:"#/properties/spec/properties/validity/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema56.properties.spec.properties.validity,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data11.begin !== undefined){
let data12 = data11.begin;
if(typeof data12 === "string"){
if(!(formats2.validate(data12))){
const err32 = {instancePath:instancePath+"/spec/validity/begin",schemaPath:"common.schema.json#/$defs/dateTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema55,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/spec/validity/begin",schemaPath:"common.schema.json#/$defs/dateTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema55.type,parentSchema:schema55,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data11.end !== undefined){
let data13 = data11.end;
if(typeof data13 === "string"){
if(!(formats2.validate(data13))){
const err34 = {instancePath:instancePath+"/spec/validity/end",schemaPath:"common.schema.json#/$defs/dateTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema55,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/spec/validity/end",schemaPath:"common.schema.json#/$defs/dateTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema55.type,parentSchema:schema55,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/spec/validity",schemaPath:"#/properties/spec/properties/validity/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.properties.spec.properties.validity.type,parentSchema:schema56.properties.spec.properties.validity,data:data11};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data3.beneficiary !== undefined){
let data14 = data3.beneficiary;
if(typeof data14 === "string"){
if(func1(data14) < 1){
const err37 = {instancePath:instancePath+"/spec/beneficiary",schemaPath:"#/properties/spec/properties/beneficiary/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema56.properties.spec.properties.beneficiary,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/spec/beneficiary",schemaPath:"#/properties/spec/properties/beneficiary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.spec.properties.beneficiary.type,parentSchema:schema56.properties.spec.properties.beneficiary,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data3.entitlements !== undefined){
let data15 = data3.entitlements;
if(Array.isArray(data15)){
if(data15.length < 1){
const err39 = {instancePath:instancePath+"/spec/entitlements",schemaPath:"#/properties/spec/properties/entitlements/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema56.properties.spec.properties.entitlements,data:data15};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
const len0 = data15.length;
for(let i0=0; i0<len0; i0++){
let data16 = data15[i0];
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.name === undefined){
const err40 = {instancePath:instancePath+"/spec/entitlements/" + i0,schemaPath:"#/$defs/entitlement/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema65.required,parentSchema:schema65,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data16.unit === undefined){
const err41 = {instancePath:instancePath+"/spec/entitlements/" + i0,schemaPath:"#/$defs/entitlement/required",keyword:"required",params:{missingProperty: "unit"},message:"must have required property '"+"unit"+"'",schema:schema65.required,parentSchema:schema65,data:data16};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
for(const key4 in data16){
if(!((((((key4 === "name") || (key4 === "unit")) || (key4 === "maxCount")) || (key4 === "value")) || (key4 === "overage")) || (key4 === "allowCheckIn"))){
const err42 = {instancePath:instancePath+"/spec/entitlements/" + i0,schemaPath:"#/$defs/entitlement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema65,data:data16};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data16.name !== undefined){
let data17 = data16.name;
if(typeof data17 === "string"){
if(func1(data17) < 1){
const err43 = {instancePath:instancePath+"/spec/entitlements/" + i0+"/name",schemaPath:"#/$defs/entitlement/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema65.properties.name,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/spec/entitlements/" + i0+"/name",schemaPath:"#/$defs/entitlement/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.name.type,parentSchema:schema65.properties.name,data:data17};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data16.unit !== undefined){
let data18 = data16.unit;
if(!(((((((((((((((((((((((((((data18 === "Count") || (data18 === "None")) || (data18 === "Seconds")) || (data18 === "Microseconds")) || (data18 === "Milliseconds")) || (data18 === "Bytes")) || (data18 === "Kilobytes")) || (data18 === "Megabytes")) || (data18 === "Gigabytes")) || (data18 === "Terabytes")) || (data18 === "Bits")) || (data18 === "Kilobits")) || (data18 === "Megabits")) || (data18 === "Gigabits")) || (data18 === "Terabits")) || (data18 === "Percent")) || (data18 === "Bytes/Second")) || (data18 === "Kilobytes/Second")) || (data18 === "Megabytes/Second")) || (data18 === "Gigabytes/Second")) || (data18 === "Terabytes/Second")) || (data18 === "Bits/Second")) || (data18 === "Kilobits/Second")) || (data18 === "Megabits/Second")) || (data18 === "Gigabits/Second")) || (data18 === "Terabits/Second")) || (data18 === "Count/Second"))){
const err45 = {instancePath:instancePath+"/spec/entitlements/" + i0+"/unit",schemaPath:"#/$defs/entitlement/properties/unit/enum",keyword:"enum",params:{allowedValues: schema65.properties.unit.enum},message:"must be equal to one of the allowed values",schema:schema65.properties.unit.enum,parentSchema:schema65.properties.unit,data:data18};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data16.maxCount !== undefined){
let data19 = data16.maxCount;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
const err46 = {instancePath:instancePath+"/spec/entitlements/" + i0+"/maxCount",schemaPath:"#/$defs/entitlement/properties/maxCount/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema65.properties.maxCount.type,parentSchema:schema65.properties.maxCount,data:data19};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 0 || isNaN(data19)){
const err47 = {instancePath:instancePath+"/spec/entitlements/" + i0+"/maxCount",schemaPath:"#/$defs/entitlement/properties/maxCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema65.properties.maxCount,data:data19};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
if(data16.value !== undefined){
let data20 = data16.value;
if(typeof data20 !== "string"){
const err48 = {instancePath:instancePath+"/spec/entitlements/" + i0+"/value",schemaPath:"#/$defs/entitlement/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.value.type,parentSchema:schema65.properties.value,data:data20};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data16.overage !== undefined){
let data21 = data16.overage;
if(typeof data21 !== "boolean"){
const err49 = {instancePath:instancePath+"/spec/entitlements/" + i0+"/overage",schemaPath:"#/$defs/entitlement/properties/overage/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema65.properties.overage.type,parentSchema:schema65.properties.overage,data:data21};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data16.allowCheckIn !== undefined){
let data22 = data16.allowCheckIn;
if(typeof data22 !== "boolean"){
const err50 = {instancePath:instancePath+"/spec/entitlements/" + i0+"/allowCheckIn",schemaPath:"#/$defs/entitlement/properties/allowCheckIn/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema65.properties.allowCheckIn.type,parentSchema:schema65.properties.allowCheckIn,data:data22};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/spec/entitlements/" + i0,schemaPath:"#/$defs/entitlement/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema65.type,parentSchema:schema65,data:data16};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/spec/entitlements",schemaPath:"#/properties/spec/properties/entitlements/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema56.properties.spec.properties.entitlements.type,parentSchema:schema56.properties.spec.properties.entitlements,data:data15};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data3.consumptionConfiguration !== undefined){
if(!(validate36(data3.consumptionConfiguration, {instancePath:instancePath+"/spec/consumptionConfiguration",parentData:data3,parentDataProperty:"consumptionConfiguration",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
}
if(data3.licenseMetadata !== undefined){
let data24 = data3.licenseMetadata;
if(Array.isArray(data24)){
const len1 = data24.length;
for(let i1=0; i1<len1; i1++){
let data25 = data24[i1];
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.name === undefined){
const err53 = {instancePath:instancePath+"/spec/licenseMetadata/" + i1,schemaPath:"#/properties/spec/properties/licenseMetadata/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema56.properties.spec.properties.licenseMetadata.items.required,parentSchema:schema56.properties.spec.properties.licenseMetadata.items,data:data25};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data25.value === undefined){
const err54 = {instancePath:instancePath+"/spec/licenseMetadata/" + i1,schemaPath:"#/properties/spec/properties/licenseMetadata/items/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema56.properties.spec.properties.licenseMetadata.items.required,parentSchema:schema56.properties.spec.properties.licenseMetadata.items,data:data25};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
for(const key5 in data25){
if(!((key5 === "name") || (key5 === "value"))){
const err55 = {instancePath:instancePath+"/spec/licenseMetadata/" + i1,schemaPath:"#/properties/spec/properties/licenseMetadata/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema56.properties.spec.properties.licenseMetadata.items,data:data25};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data25.name !== undefined){
let data26 = data25.name;
if(typeof data26 === "string"){
if(func1(data26) < 1){
const err56 = {instancePath:instancePath+"/spec/licenseMetadata/" + i1+"/name",schemaPath:"#/properties/spec/properties/licenseMetadata/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema56.properties.spec.properties.licenseMetadata.items.properties.name,data:data26};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
else {
const err57 = {instancePath:instancePath+"/spec/licenseMetadata/" + i1+"/name",schemaPath:"#/properties/spec/properties/licenseMetadata/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.spec.properties.licenseMetadata.items.properties.name.type,parentSchema:schema56.properties.spec.properties.licenseMetadata.items.properties.name,data:data26};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data25.value !== undefined){
let data27 = data25.value;
if(typeof data27 !== "string"){
const err58 = {instancePath:instancePath+"/spec/licenseMetadata/" + i1+"/value",schemaPath:"#/properties/spec/properties/licenseMetadata/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.spec.properties.licenseMetadata.items.properties.value.type,parentSchema:schema56.properties.spec.properties.licenseMetadata.items.properties.value,data:data27};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/spec/licenseMetadata/" + i1,schemaPath:"#/properties/spec/properties/licenseMetadata/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.properties.spec.properties.licenseMetadata.items.type,parentSchema:schema56.properties.spec.properties.licenseMetadata.items,data:data25};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/spec/licenseMetadata",schemaPath:"#/properties/spec/properties/licenseMetadata/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema56.properties.spec.properties.licenseMetadata.type,parentSchema:schema56.properties.spec.properties.licenseMetadata,data:data24};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data3.status !== undefined){
let data28 = data3.status;
if(!(((data28 === "AVAILABLE") || (data28 === "DEACTIVATED")) || (data28 === "SUSPENDED"))){
const err61 = {instancePath:instancePath+"/spec/status",schemaPath:"#/properties/spec/properties/status/enum",keyword:"enum",params:{allowedValues: schema56.properties.spec.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema56.properties.spec.properties.status.enum,parentSchema:schema56.properties.spec.properties.status,data:data28};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
else {
const err62 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.properties.spec.type,parentSchema:schema56.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.type,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}
validate33.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema69 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://licensectl.dev/schemas/v1/resource-share.schema.json","title":"licensectl ResourceShare","description":"An AWS RAM resource share that shares license configurations with accounts, organizations, OUs or IAM principals.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"$ref":"common.schema.json#/$defs/apiVersion"},"kind":{"const":"ResourceShare"},"metadata":{"$ref":"common.schema.json#/$defs/metadata"},"spec":{"type":"object","additionalProperties":false,"properties":{"displayName":{"$ref":"common.schema.json#/$defs/displayName"},"allowExternalPrincipals":{"description":"Allow principals outside your organization. Default false (the RAM API defaults to true).","type":"boolean"},"principals":{"type":"array","items":{"$ref":"#/$defs/principal"}},"licenseConfigurations":{"description":"Names of LicenseConfiguration documents, or ARNs of license configurations licensectl does not manage.","type":"array","items":{"type":"string","pattern":"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?|arn:aws[a-z-]*:license-manager:[a-z0-9-]+:[0-9]{12}:license-configuration:lic-[0-9A-Za-z]+)$","x-expected":"the name of a LicenseConfiguration document or a license configuration ARN"}}}}},"$defs":{"principal":{"description":"A 12-digit account id, an organization or OU ARN, an IAM role or user ARN, or a service principal.","type":"string","pattern":"^([0-9]{12}|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+)|arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com)$","x-expected":"a 12-digit account id, an organization or OU ARN, an IAM role or user ARN, or a service principal"}}};
const schema75 = {"description":"A 12-digit account id, an organization or OU ARN, an IAM role or user ARN, or a service principal.","type":"string","pattern":"^([0-9]{12}|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+)|arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com)$","x-expected":"a 12-digit account id, an organization or OU ARN, an IAM role or user ARN, or a service principal"};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate40.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema42.required,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "name") || (key0 === "tags"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.tags !== undefined){
let data1 = data.tags;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
const _errs8 = errors;
if(typeof key1 === "string"){
if(func1(key1) > 128){
const err4 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func1(key1) < 1){
const err5 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.propertyNames.type,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var valid3 = _errs8 === errors;
if(!valid3){
const err7 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema44.propertyNames,parentSchema:schema44,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
for(const key2 in data1){
let data2 = data1[key2];
if(typeof data2 === "string"){
if(func1(data2) > 256){
const err8 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tags/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema44.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tags/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.additionalProperties.type,parentSchema:schema44.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate40.errors = vErrors;
return errors === 0;
}
validate40.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const pattern12 = new RegExp("^([0-9]{12}|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+)|arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com)$", "u");
const pattern13 = new RegExp("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?|arn:aws[a-z-]*:license-manager:[a-z0-9-]+:[0-9]{12}:license-configuration:lic-[0-9A-Za-z]+)$", "u");

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://licensectl.dev/schemas/v1/resource-share.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema69.required,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("licensectl/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"common.schema.json#/$defs/apiVersion/const",keyword:"const",params:{allowedValue: "licensectl/v1"},message:"must be equal to constant",schema:"licensectl/v1",parentSchema:schema33,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("ResourceShare" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "ResourceShare"},message:"must be equal to constant",schema:"ResourceShare",parentSchema:schema69.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
if(!(validate40(data.metadata, {instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
}
if(data.spec !== undefined){
let data3 = data.spec;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
if(!((((key1 === "displayName") || (key1 === "allowExternalPrincipals")) || (key1 === "principals")) || (key1 === "licenseConfigurations"))){
const err7 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema69.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data3.displayName !== undefined){
let data4 = data3.displayName;
if(typeof data4 === "string"){
if(func1(data4) > 256){
const err8 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func1(data4) < 1){
const err9 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.type,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.allowExternalPrincipals !== undefined){
let data5 = data3.allowExternalPrincipals;
if(typeof data5 !== "boolean"){
const err11 = {instancePath:instancePath+"/spec/allowExternalPrincipals",schemaPath:"#/properties/spec/properties/allowExternalPrincipals/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema69.properties.spec.properties.allowExternalPrincipals.type,parentSchema:schema69.properties.spec.properties.allowExternalPrincipals,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.principals !== undefined){
let data6 = data3.principals;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(typeof data7 === "string"){
if(!pattern12.test(data7)){
const err12 = {instancePath:instancePath+"/spec/principals/" + i0,schemaPath:"#/$defs/principal/pattern",keyword:"pattern",params:{pattern: "^([0-9]{12}|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+)|arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com)$"},message:"must match pattern \""+"^([0-9]{12}|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+)|arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com)$"+"\"",schema:"^([0-9]{12}|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+)|arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com)$",parentSchema:schema75,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/spec/principals/" + i0,schemaPath:"#/$defs/principal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.type,parentSchema:schema75,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/spec/principals",schemaPath:"#/properties/spec/properties/principals/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema69.properties.spec.properties.principals.type,parentSchema:schema69.properties.spec.properties.principals,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data3.licenseConfigurations !== undefined){
let data8 = data3.licenseConfigurations;
if(Array.isArray(data8)){
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
if(typeof data9 === "string"){
if(!pattern13.test(data9)){
const err15 = {instancePath:instancePath+"/spec/licenseConfigurations/" + i1,schemaPath:"#/properties/spec/properties/licenseConfigurations/items/pattern",keyword:"pattern",params:{pattern: "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?|arn:aws[a-z-]*:license-manager:[a-z0-9-]+:[0-9]{12}:license-configuration:lic-[0-9A-Za-z]+)$"},message:"must match pattern \""+"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?|arn:aws[a-z-]*:license-manager:[a-z0-9-]+:[0-9]{12}:license-configuration:lic-[0-9A-Za-z]+)$"+"\"",schema:"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?|arn:aws[a-z-]*:license-manager:[a-z0-9-]+:[0-9]{12}:license-configuration:lic-[0-9A-Za-z]+)$",parentSchema:schema69.properties.spec.properties.licenseConfigurations.items,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/spec/licenseConfigurations/" + i1,schemaPath:"#/properties/spec/properties/licenseConfigurations/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema69.properties.spec.properties.licenseConfigurations.items.type,parentSchema:schema69.properties.spec.properties.licenseConfigurations.items,data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/spec/licenseConfigurations",schemaPath:"#/properties/spec/properties/licenseConfigurations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema69.properties.spec.properties.licenseConfigurations.type,parentSchema:schema69.properties.spec.properties.licenseConfigurations,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema69.properties.spec.type,parentSchema:schema69.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema69.type,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema76 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://licensectl.dev/schemas/v1/grant.schema.json","title":"licensectl Grant","description":"A License Manager grant: distributes a license's entitlements to one account, organization or OU.","type":"object","additionalProperties":false,"required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"$ref":"common.schema.json#/$defs/apiVersion"},"kind":{"const":"Grant"},"metadata":{"$ref":"common.schema.json#/$defs/metadata"},"spec":{"type":"object","additionalProperties":false,"required":["principal","homeRegion","allowedOperations"],"oneOf":[{"required":["license"]},{"required":["licenseArn"]}],"properties":{"displayName":{"$ref":"common.schema.json#/$defs/displayName"},"license":{"description":"The name of a License document.","$ref":"common.schema.json#/$defs/name"},"licenseArn":{"description":"The ARN of a license licensectl does not manage.","$ref":"common.schema.json#/$defs/licenseArn"},"principal":{"description":"The grantee: an account root ARN (arn:aws:iam::111122223333:root), an organization ARN or an OU ARN.","type":"string","pattern":"^(arn:aws[a-z-]*:iam::[0-9]{12}:root|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+))$","x-expected":"an account root ARN such as arn:aws:iam::111122223333:root, or an organization or OU ARN"},"homeRegion":{"$ref":"common.schema.json#/$defs/region"},"allowedOperations":{"type":"array","minItems":1,"maxItems":7,"uniqueItems":true,"items":{"enum":["CreateGrant","CheckoutLicense","CheckoutBorrowLicense","CheckInLicense","ExtendConsumptionLicense","ListPurchasedLicenses","CreateToken"]}},"status":{"description":"ACTIVE or DISABLED; the grantee's accept or reject is not drift.","enum":["ACTIVE","DISABLED"]}}}}};
const schema83 = {"description":"The ARN of a license, e.g. arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef.","type":"string","pattern":"^arn:aws[a-z-]*:license-manager::[0-9]{12}:license:l-[0-9A-Za-z]+$","x-expected":"a license ARN such as arn:aws:license-manager::111122223333:license:l-0123456789abcdef"};

function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate44.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema42.required,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "name") || (key0 === "tags"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.tags !== undefined){
let data1 = data.tags;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
const _errs8 = errors;
if(typeof key1 === "string"){
if(func1(key1) > 128){
const err4 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func1(key1) < 1){
const err5 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.propertyNames.type,parentSchema:schema44.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var valid3 = _errs8 === errors;
if(!valid3){
const err7 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema44.propertyNames,parentSchema:schema44,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
for(const key2 in data1){
let data2 = data1[key2];
if(typeof data2 === "string"){
if(func1(data2) > 256){
const err8 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tags/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema44.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/tags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/tags/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.additionalProperties.type,parentSchema:schema44.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/tags",schemaPath:"#/$defs/tags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate44.errors = vErrors;
return errors === 0;
}
validate44.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const pattern16 = new RegExp("^arn:aws[a-z-]*:license-manager::[0-9]{12}:license:l-[0-9A-Za-z]+$", "u");
const pattern17 = new RegExp("^(arn:aws[a-z-]*:iam::[0-9]{12}:root|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+))$", "u");

function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://licensectl.dev/schemas/v1/grant.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate43.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema76.required,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema76.required,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema76.required,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema76.required,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if("licensectl/v1" !== data0){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"common.schema.json#/$defs/apiVersion/const",keyword:"const",params:{allowedValue: "licensectl/v1"},message:"must be equal to constant",schema:"licensectl/v1",parentSchema:schema33,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if("Grant" !== data1){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Grant"},message:"must be equal to constant",schema:"Grant",parentSchema:schema76.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
if(!(validate44(data.metadata, {instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
errors = vErrors.length;
}
}
if(data.spec !== undefined){
let data3 = data.spec;
const _errs8 = errors;
let valid2 = false;
let passing0 = null;
const _errs9 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.license === undefined){
const err7 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/0/required",keyword:"required",params:{missingProperty: "license"},message:"must have required property '"+"license"+"'",schema:schema76.properties.spec.oneOf[0].required,parentSchema:schema76.properties.spec.oneOf[0],data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid0 = _errs9 === errors;
if(_valid0){
valid2 = true;
passing0 = 0;
}
const _errs10 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.licenseArn === undefined){
const err8 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf/1/required",keyword:"required",params:{missingProperty: "licenseArn"},message:"must have required property '"+"licenseArn"+"'",schema:schema76.properties.spec.oneOf[1].required,parentSchema:schema76.properties.spec.oneOf[1],data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0 && valid2){
valid2 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid2 = true;
passing0 = 1;
}
}
if(!valid2){
const err9 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema76.properties.spec.oneOf,parentSchema:schema76.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
}
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.principal === undefined){
const err10 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "principal"},message:"must have required property '"+"principal"+"'",schema:schema76.properties.spec.required,parentSchema:schema76.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.homeRegion === undefined){
const err11 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "homeRegion"},message:"must have required property '"+"homeRegion"+"'",schema:schema76.properties.spec.required,parentSchema:schema76.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data3.allowedOperations === undefined){
const err12 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "allowedOperations"},message:"must have required property '"+"allowedOperations"+"'",schema:schema76.properties.spec.required,parentSchema:schema76.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data3){
if(!(((((((key1 === "displayName") || (key1 === "license")) || (key1 === "licenseArn")) || (key1 === "principal")) || (key1 === "homeRegion")) || (key1 === "allowedOperations")) || (key1 === "status"))){
const err13 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema76.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.displayName !== undefined){
let data4 = data3.displayName;
if(typeof data4 === "string"){
if(func1(data4) > 256){
const err14 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(func1(data4) < 1){
const err15 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/spec/displayName",schemaPath:"common.schema.json#/$defs/displayName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.type,parentSchema:schema45,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data3.license !== undefined){
let data5 = data3.license;
if(typeof data5 === "string"){
if(!pattern4.test(data5)){
const err17 = {instancePath:instancePath+"/spec/license",schemaPath:"common.schema.json#/$defs/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema34,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/spec/license",schemaPath:"common.schema.json#/$defs/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data3.licenseArn !== undefined){
let data6 = data3.licenseArn;
if(typeof data6 === "string"){
if(!pattern16.test(data6)){
const err19 = {instancePath:instancePath+"/spec/licenseArn",schemaPath:"common.schema.json#/$defs/licenseArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:license-manager::[0-9]{12}:license:l-[0-9A-Za-z]+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:license-manager::[0-9]{12}:license:l-[0-9A-Za-z]+$"+"\"",schema:"^arn:aws[a-z-]*:license-manager::[0-9]{12}:license:l-[0-9A-Za-z]+$",parentSchema:schema83,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/spec/licenseArn",schemaPath:"common.schema.json#/$defs/licenseArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema83.type,parentSchema:schema83,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data3.principal !== undefined){
let data7 = data3.principal;
if(typeof data7 === "string"){
if(!pattern17.test(data7)){
const err21 = {instancePath:instancePath+"/spec/principal",schemaPath:"#/properties/spec/properties/principal/pattern",keyword:"pattern",params:{pattern: "^(arn:aws[a-z-]*:iam::[0-9]{12}:root|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+))$"},message:"must match pattern \""+"^(arn:aws[a-z-]*:iam::[0-9]{12}:root|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+))$"+"\"",schema:"^(arn:aws[a-z-]*:iam::[0-9]{12}:root|arn:aws[a-z-]*:organizations::[0-9]{12}:(organization/o-[a-z0-9]+|ou/o-[a-z0-9]+/ou-[a-z0-9-]+))$",parentSchema:schema76.properties.spec.properties.principal,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/spec/principal",schemaPath:"#/properties/spec/properties/principal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema76.properties.spec.properties.principal.type,parentSchema:schema76.properties.spec.properties.principal,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data3.homeRegion !== undefined){
let data8 = data3.homeRegion;
if(typeof data8 === "string"){
if(!pattern5.test(data8)){
const err23 = {instancePath:instancePath+"/spec/homeRegion",schemaPath:"common.schema.json#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(-[a-z]+)+-[0-9]+$"},message:"must match pattern \""+"^[a-z]{2}(-[a-z]+)+-[0-9]+$"+"\"",schema:"^[a-z]{2}(-[a-z]+)+-[0-9]+$",parentSchema:schema36,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/spec/homeRegion",schemaPath:"common.schema.json#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data3.allowedOperations !== undefined){
let data9 = data3.allowedOperations;
if(Array.isArray(data9)){
if(data9.length > 7){
const err25 = {instancePath:instancePath+"/spec/allowedOperations",schemaPath:"#/properties/spec/properties/allowedOperations/maxItems",keyword:"maxItems",params:{limit: 7},message:"must NOT have more than 7 items",schema:7,parentSchema:schema76.properties.spec.properties.allowedOperations,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data9.length < 1){
const err26 = {instancePath:instancePath+"/spec/allowedOperations",schemaPath:"#/properties/spec/properties/allowedOperations/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema76.properties.spec.properties.allowedOperations,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
if(!(((((((data10 === "CreateGrant") || (data10 === "CheckoutLicense")) || (data10 === "CheckoutBorrowLicense")) || (data10 === "CheckInLicense")) || (data10 === "ExtendConsumptionLicense")) || (data10 === "ListPurchasedLicenses")) || (data10 === "CreateToken"))){
const err27 = {instancePath:instancePath+"/spec/allowedOperations/" + i0,schemaPath:"#/properties/spec/properties/allowedOperations/items/enum",keyword:"enum",params:{allowedValues: schema76.properties.spec.properties.allowedOperations.items.enum},message:"must be equal to one of the allowed values",schema:schema76.properties.spec.properties.allowedOperations.items.enum,parentSchema:schema76.properties.spec.properties.allowedOperations.items,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
let i1 = data9.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data9[i1], data9[j0])){
const err28 = {instancePath:instancePath+"/spec/allowedOperations",schemaPath:"#/properties/spec/properties/allowedOperations/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema76.properties.spec.properties.allowedOperations,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/spec/allowedOperations",schemaPath:"#/properties/spec/properties/allowedOperations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema76.properties.spec.properties.allowedOperations.type,parentSchema:schema76.properties.spec.properties.allowedOperations,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data3.status !== undefined){
let data11 = data3.status;
if(!((data11 === "ACTIVE") || (data11 === "DISABLED"))){
const err30 = {instancePath:instancePath+"/spec/status",schemaPath:"#/properties/spec/properties/status/enum",keyword:"enum",params:{allowedValues: schema76.properties.spec.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema76.properties.spec.properties.status.enum,parentSchema:schema76.properties.spec.properties.status,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema76.properties.spec.type,parentSchema:schema76.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema76.type,parentSchema:schema76,data};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
validate43.errors = vErrors;
return errors === 0;
}
validate43.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://licensectl.dev/schemas/v1/common.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.kind === undefined) && (missing0 = "kind")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.kind !== undefined){
if("Project" !== data.kind){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
else {
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs6 = errors;
if(!(validate21(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var _valid0 = _errs6 === errors;
valid1 = _valid0;
if(valid1){
var props0 = true;
}
}
if(!valid1){
const err3 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema31.allOf[0].if,parentSchema:schema31.allOf[0],data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const _errs8 = errors;
let valid3 = true;
const _errs9 = errors;
if(errors === _errs9){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.kind === undefined) && (missing1 = "kind")){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
if(data.kind !== undefined){
if("LicenseConfiguration" !== data.kind){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
}
else {
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid1 = _errs9 === errors;
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs12 = errors;
if(!(validate25(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
var _valid1 = _errs12 === errors;
valid3 = _valid1;
if(valid3){
var props1 = true;
}
}
if(!valid3){
const err7 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema31.allOf[1].if,parentSchema:schema31.allOf[1],data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs14 = errors;
let valid5 = true;
const _errs15 = errors;
if(errors === _errs15){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.kind === undefined) && (missing2 = "kind")){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data.kind !== undefined){
if("License" !== data.kind){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
}
else {
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid2 = _errs15 === errors;
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs18 = errors;
if(!(validate33(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
var _valid2 = _errs18 === errors;
valid5 = _valid2;
if(valid5){
var props2 = true;
}
}
if(!valid5){
const err11 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema31.allOf[2].if,parentSchema:schema31.allOf[2],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
const _errs20 = errors;
let valid7 = true;
const _errs21 = errors;
if(errors === _errs21){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.kind === undefined) && (missing3 = "kind")){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
if(data.kind !== undefined){
if("ResourceShare" !== data.kind){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
}
else {
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var _valid3 = _errs21 === errors;
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs24 = errors;
if(!(validate39(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
errors = vErrors.length;
}
var _valid3 = _errs24 === errors;
valid7 = _valid3;
if(valid7){
var props3 = true;
}
}
if(!valid7){
const err15 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema31.allOf[3].if,parentSchema:schema31.allOf[3],data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(props0 !== true && props3 !== undefined){
if(props3 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props3);
}
}
const _errs26 = errors;
let valid9 = true;
const _errs27 = errors;
if(errors === _errs27){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.kind === undefined) && (missing4 = "kind")){
const err16 = {};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
if(data.kind !== undefined){
if("Grant" !== data.kind){
const err17 = {};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
else {
const err18 = {};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var _valid4 = _errs27 === errors;
errors = _errs26;
if(vErrors !== null){
if(_errs26){
vErrors.length = _errs26;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs30 = errors;
if(!(validate43(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
var _valid4 = _errs30 === errors;
valid9 = _valid4;
if(valid9){
var props4 = true;
}
}
if(!valid9){
const err19 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema31.allOf[4].if,parentSchema:schema31.allOf[4],data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(props0 !== true && props4 !== undefined){
if(props4 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props4);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err20 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data.kind === undefined){
const err21 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(props0 !== true){
props0 = props0 || {};
props0.apiVersion = true;
props0.kind = true;
}
if(data.apiVersion !== undefined){
let data5 = data.apiVersion;
if("licensectl/v1" !== data5){
const err22 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/$defs/apiVersion/const",keyword:"const",params:{allowedValue: "licensectl/v1"},message:"must be equal to constant",schema:"licensectl/v1",parentSchema:schema33,data:data5};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.kind !== undefined){
let data6 = data.kind;
if(!(((((data6 === "Project") || (data6 === "LicenseConfiguration")) || (data6 === "License")) || (data6 === "ResourceShare")) || (data6 === "Grant"))){
const err23 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema31.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.kind.enum,parentSchema:schema31.properties.kind,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
validate20.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate20.evaluated = {"dynamicProps":true,"dynamicItems":false};

