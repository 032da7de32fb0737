/// The JSON API's contract, OpenAPI 3.1, served at `/api/v1/openapi.json`
/// and checked against the live server by schemathesis in
/// `scripts/check-server.sh`: every answer must fit it, no 5xx.
///
/// Written by hand rather than generated (swift-openapi-generator goes the
/// other way, from a document to Swift code, and would add a build plugin
/// and two runtime libraries); the contract check keeps the two in step, and
/// `APITests` lists every operation the API serves and checks it is described. Each
/// operation names the CLI command it mirrors; parameters the CLI takes from
/// a fixed list are enums, periods, dates and emails have a pattern or format,
/// so schemathesis's inputs reach the use cases rather than the parsers.
enum OpenAPIDocument {
    static let json = """
        {
          "openapi": "3.1.0",
          "info": {
            "title": "advocacy",
            "version": "1",
            "description": "The advocacy programme's JSON API. Sign in with an OIDC bearer token, or through the company's authenticating proxy. Names follow the advocacy CLI's options; answers are the JSON the CLI prints with --format json."
          },
          "servers": [{"url": "/"}],
          "security": [{"bearer": []}, {"proxy": []}],
          "components": {
            "securitySchemes": {
              "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
              "proxy": {"type": "apiKey", "in": "header", "name": "X-Forwarded-Email", "description": "Set by the authenticating proxy only; refused from any other peer."}
            },
            "schemas": {
              "Error": {
                "type": "object",
                "required": ["error", "status"],
                "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
                "additionalProperties": false
              },
              "Action": {
                "type": "object",
                "required": ["url", "kind", "title", "date", "email", "channel", "projects", "review"],
                "properties": {
                  "url": {"type": "string"}, "kind": {"type": "string"}, "title": {"type": "string"},
                  "date": {"type": "string", "format": "date"}, "email": {"type": "string"},
                  "channel": {"type": "string"}, "projects": {"type": "array", "items": {"type": "string"}},
                  "review": {"type": "string"}
                }
              },
              "Proposal": {
                "type": "object",
                "required": ["id", "period", "email", "rank", "rewardCode", "costCents", "status"],
                "properties": {
                  "id": {"type": "integer"}, "period": {"type": "string"}, "email": {"type": "string"},
                  "rank": {"type": "integer"}, "rewardCode": {"type": "string"}, "costCents": {"type": "integer"},
                  "status": {"type": "string"}
                }
              },
              "LogRequest": {
                "type": "object",
                "required": ["url"],
                "properties": {
                  "url": {"type": "string", "description": "The action's address, as advocacy log URL."},
                  "date": {"type": "string", "description": "YYYY-MM-DD, default today."},
                  "kind": {"type": "string", "enum": ["article", "post", "talk", "video", "podcast", "newsletter", "comment", "share"]},
                  "title": {"type": "string"},
                  "projects": {"type": "array", "items": {"type": "string"}},
                  "effort": {"type": "number"},
                  "reactions": {"type": "integer"}, "comments": {"type": "integer"}, "shares": {"type": "integer"},
                  "impressions": {"type": "integer"}, "clicks": {"type": "integer"},
                  "for": {"type": "string", "description": "Log for this employee (admin)."}
                }
              },
              "MetricsRequest": {
                "type": "object",
                "required": ["url"],
                "properties": {
                  "url": {"type": "string"}, "date": {"type": "string"},
                  "reactions": {"type": "integer"}, "comments": {"type": "integer"}, "shares": {"type": "integer"},
                  "impressions": {"type": "integer"}, "clicks": {"type": "integer"}
                }
              },
              "DecisionRequest": {
                "type": "object",
                "required": ["decision", "ids"],
                "properties": {
                  "decision": {"type": "string", "enum": ["approve", "reject", "grant"]},
                  "ids": {"type": "array", "items": {"type": "integer"}},
                  "note": {"type": "string"}
                }
              },
              "Channel": {"type": "object", "required": ["email", "feedUrl", "followers", "followersDate", "kind", "scope", "url"], "properties": {"url": {"type": "string"}, "kind": {"type": "string", "enum": ["blog", "linkedin", "x", "mastodon", "youtube", "github", "podcast", "internal", "talk", "other"]}, "scope": {"type": "string", "enum": ["external", "internal"]}, "feedUrl": {"type": ["string", "null"]}, "email": {"type": "string"}, "followers": {"type": ["integer", "null"]}, "followersDate": {"type": ["string", "null"]}}, "additionalProperties": false},
              "ChannelRequest": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string", "description": "The channel's address, @handle for X, @user@instance for Mastodon."}, "kind": {"type": "string", "enum": ["blog", "linkedin", "x", "mastodon", "youtube", "github", "podcast", "internal", "talk", "other"]}, "scope": {"type": "string", "enum": ["external", "internal"]}, "feed": {"type": "string", "description": "Its RSS or Atom feed."}, "followers": {"type": "integer", "minimum": 0}}},
              "Wish": {"type": "object", "required": ["category", "code", "costCents", "email", "name", "rank", "rewardName"], "properties": {"email": {"type": "string"}, "name": {"type": "string"}, "rank": {"type": "integer"}, "code": {"type": "string"}, "rewardName": {"type": "string"}, "category": {"type": "string", "enum": ["training", "certification", "conference", "book", "recognition", "equipment", "day-off", "donation", "voucher"]}, "costCents": {"type": "integer"}}, "additionalProperties": false},
              "WishRequest": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}, "rank": {"type": "integer", "minimum": 1, "maximum": 3}}},
              "Privacy": {"type": "object", "required": ["consent", "email", "hidden"], "properties": {"email": {"type": "string"}, "hidden": {"type": "boolean"}, "consent": {"type": "string", "enum": ["granted", "withdrawn", "unrecorded"]}}, "additionalProperties": false},
              "PrivacyRequest": {"type": "object", "properties": {"hidden": {"type": "boolean", "description": "true hides my name from others' rankings, false shows it."}, "consent": {"type": "string", "enum": ["give", "withdraw"]}}, "minProperties": 1},
              "ReviewDecisionRequest": {"type": "object", "required": ["decision", "urls"], "properties": {"decision": {"type": "string", "enum": ["accept", "reject"]}, "urls": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "note": {"type": "string", "description": "Required to reject: the reason the author sees."}}},
              "FlagDecisionRequest": {"type": "object", "required": ["decision", "email", "flag", "note"], "properties": {"decision": {"type": "string", "enum": ["clear", "confirm"]}, "email": {"type": "string", "format": "email"}, "flag": {"type": "string", "enum": ["high-engagement", "busy-day", "links-without-figures", "rise-on-pending", "near-duplicate"]}, "period": {"type": "string", "pattern": "^((19|20)[0-9]{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?|(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}[.][.](19|20)[0-9]{2}-[0-9]{2}-[0-9]{2})$", "description": "The period the flag was raised in; default the current quarter."}, "note": {"type": "string", "minLength": 1}}},
              "FlagDecision": {"type": "object", "required": ["actions", "decision", "email", "flag", "period"], "properties": {"decision": {"type": "string", "enum": ["clear", "confirm"]}, "email": {"type": "string"}, "flag": {"type": "string", "enum": ["high-engagement", "busy-day", "links-without-figures", "rise-on-pending", "near-duplicate"]}, "period": {"type": "string"}, "actions": {"type": "array", "items": {"type": "string"}}}, "additionalProperties": false},
              "PolicyUpdate": {"type": "object", "required": ["changed", "changes", "previousVersion", "version"], "properties": {"version": {"type": "integer"}, "previousVersion": {"type": "integer"}, "changed": {"type": "boolean"}, "changes": {"type": "array", "items": {"type": "object", "required": ["key"], "properties": {"key": {"type": "string"}, "old": {"type": "string"}, "new": {"type": "string"}}, "additionalProperties": false}}}, "additionalProperties": false},
              "PolicyVersion": {"type": "object", "required": ["changes", "inForceFrom", "setAt", "setBy", "version"], "properties": {"version": {"type": "integer"}, "setAt": {"type": "string"}, "inForceFrom": {"type": "string"}, "setBy": {"type": "string"}, "changes": {"type": "array", "items": {"type": "object", "required": ["key"], "properties": {"key": {"type": "string"}, "old": {"type": "string"}, "new": {"type": "string"}}, "additionalProperties": false}}}, "additionalProperties": false},
              "CatalogueEntry": {"type": "object", "required": ["category", "code", "costCents", "currency", "given", "left", "maxPerPerson", "minTier", "name", "projects", "stock"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string", "enum": ["training", "certification", "conference", "book", "recognition", "equipment", "day-off", "donation", "voucher"]}, "costCents": {"type": "integer"}, "currency": {"type": "string"}, "stock": {"type": ["integer", "null"]}, "given": {"type": "integer"}, "left": {"type": ["integer", "null"]}, "maxPerPerson": {"type": ["integer", "null"]}, "minTier": {"type": ["string", "null"], "enum": ["nano", "micro", "mid", "macro", "mega", null]}, "projects": {"type": "array", "items": {"type": "string"}}}, "additionalProperties": false},
              "CatalogueItemRequest": {"type": "object", "required": ["category", "code", "costCents", "name"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string", "enum": ["training", "certification", "conference", "book", "recognition", "equipment", "day-off", "donation", "voucher"]}, "costCents": {"type": "integer", "minimum": 0, "maximum": 10000000000}, "stock": {"type": "integer", "minimum": 0}, "maxPerPerson": {"type": "integer", "minimum": 1}, "minTier": {"type": "string", "enum": ["nano", "micro", "mid", "macro", "mega"]}, "projects": {"type": "array", "items": {"type": "string"}}}},
              "Budget": {"type": "object", "required": ["amountCents", "approvedCents", "currency", "end", "grantedCents", "period", "proposedCents", "start"], "properties": {"period": {"type": "string"}, "start": {"type": "string"}, "end": {"type": "string"}, "amountCents": {"type": "integer"}, "currency": {"type": "string"}, "proposedCents": {"type": "integer"}, "approvedCents": {"type": "integer"}, "grantedCents": {"type": "integer"}}, "additionalProperties": false},
              "BudgetRequest": {"type": "object", "required": ["amountCents", "period"], "properties": {"period": {"type": "string", "pattern": "^((19|20)[0-9]{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?|(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}[.][.](19|20)[0-9]{2}-[0-9]{2}-[0-9]{2})$"}, "amountCents": {"type": "integer", "minimum": 0, "maximum": 10000000000}}},
              "ProposeRequest": {"type": "object", "required": [], "properties": {"period": {"type": "string", "pattern": "^((19|20)[0-9]{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?|(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}[.][.](19|20)[0-9]{2}-[0-9]{2}-[0-9]{2})$"}, "dryRun": {"type": "boolean", "description": "Preview only: nothing is recorded."}}},
              "ProposalRun": {"type": "object", "required": ["budgetCents", "currency", "dryRun", "heldBack", "keptCents", "period", "policyVersion", "proposals", "proposedCents", "remainingCents", "replaced"], "properties": {"period": {"type": "string"}, "policyVersion": {"type": "integer"}, "currency": {"type": "string"}, "dryRun": {"type": "boolean"}, "budgetCents": {"type": "integer"}, "keptCents": {"type": "integer"}, "proposedCents": {"type": "integer"}, "remainingCents": {"type": "integer"}, "replaced": {"type": "integer"}, "proposals": {"type": "array", "items": {"type": "object", "required": ["category", "costCents", "email", "entitlementCents", "fromLeftover", "name", "rank", "rationale", "reason", "rewardCode", "rewardName", "score", "tier"], "properties": {"id": {"type": "integer"}, "rank": {"type": "integer"}, "email": {"type": "string"}, "name": {"type": "string"}, "team": {"type": "string"}, "score": {"type": "number"}, "tier": {"type": "string", "enum": ["nano", "micro", "mid", "macro", "mega"]}, "entitlementCents": {"type": "integer"}, "rewardCode": {"type": "string"}, "rewardName": {"type": "string"}, "category": {"type": "string", "enum": ["training", "certification", "conference", "book", "recognition", "equipment", "day-off", "donation", "voucher"]}, "costCents": {"type": "integer"}, "reason": {"type": "string"}, "fromLeftover": {"type": "boolean"}, "rationale": {"type": "string"}}, "additionalProperties": false}}, "heldBack": {"type": "array", "items": {"type": "object", "required": ["email", "rank", "reason", "score"], "properties": {"email": {"type": "string"}, "rank": {"type": "integer"}, "score": {"type": "number"}, "reason": {"type": "string"}}, "additionalProperties": false}}}, "additionalProperties": false},
              "ExportRow": {"type": "object", "required": ["approvedAt", "approvedBy", "category", "costCents", "email", "hrId", "name", "note", "period", "rank", "rationale", "rewardCode", "rewardName", "score", "status", "team"], "properties": {"period": {"type": "string"}, "hrId": {"type": ["string", "null"]}, "email": {"type": "string"}, "name": {"type": "string"}, "team": {"type": ["string", "null"]}, "rank": {"type": "integer"}, "score": {"type": "number"}, "rewardCode": {"type": "string"}, "rewardName": {"type": "string"}, "category": {"type": "string", "enum": ["training", "certification", "conference", "book", "recognition", "equipment", "day-off", "donation", "voucher"]}, "costCents": {"type": "integer"}, "status": {"type": "string", "enum": ["proposed", "approved", "rejected", "granted"]}, "rationale": {"type": "string"}, "approvedBy": {"type": ["string", "null"]}, "approvedAt": {"type": ["string", "null"]}, "note": {"type": ["string", "null"]}}, "additionalProperties": false},
              "Employee": {"type": "object", "required": ["active", "createdAt", "email", "hrId", "name", "role", "team"], "properties": {"email": {"type": "string"}, "name": {"type": "string"}, "team": {"type": ["string", "null"]}, "role": {"type": "string", "enum": ["staff", "cio", "hr", "admin"]}, "hrId": {"type": ["string", "null"]}, "active": {"type": "boolean"}, "createdAt": {"type": "string"}}, "additionalProperties": false},
              "EmployeeRequest": {"type": "object", "required": ["email", "name"], "properties": {"email": {"type": "string", "format": "email"}, "name": {"type": "string"}, "team": {"type": "string"}, "role": {"type": "string", "enum": ["staff", "cio", "hr", "admin"]}, "hrId": {"type": "string"}}},
              "Project": {"type": "object", "required": ["actions", "advocates", "code", "end", "name", "start", "status", "weight"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "weight": {"type": "integer"}, "status": {"type": "string", "enum": ["planned", "active", "closed"]}, "start": {"type": ["string", "null"]}, "end": {"type": ["string", "null"]}, "actions": {"type": "integer"}, "advocates": {"type": "integer"}}, "additionalProperties": false},
              "ProjectRequest": {"type": "object", "required": ["code", "name"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "weight": {"type": "integer", "minimum": 1, "maximum": 3}, "status": {"type": "string", "enum": ["planned", "active", "closed"]}, "start": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, "end": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}},
              "AuditEntry": {"type": "object", "required": ["actorEmail", "actorRole", "after", "at", "before", "entity", "entityId", "id", "operation"], "properties": {"id": {"type": "integer"}, "at": {"type": "string"}, "actorEmail": {"type": ["string", "null"]}, "actorRole": {"type": ["string", "null"]}, "operation": {"type": "string"}, "entity": {"type": "string"}, "entityId": {"type": "string"}, "before": {"type": ["object", "null"]}, "after": {"type": ["object", "null"]}}, "additionalProperties": false},
              "ImportOutcome": {"type": "object", "required": ["name", "summary"], "properties": {"name": {"type": "string"}, "summary": {"type": "object", "required": ["inserted", "problems", "rejected", "unchanged", "updated", "warned", "warnings", "written"], "properties": {"written": {"type": "boolean"}, "inserted": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"}, "rejected": {"type": "integer"}, "problems": {"type": "array", "items": {"type": "object", "required": ["line", "message"], "properties": {"line": {"type": "integer"}, "message": {"type": "string"}}, "additionalProperties": false}}, "warned": {"type": "integer"}, "warnings": {"type": "array", "items": {"type": "object", "required": ["line", "message"], "properties": {"line": {"type": "integer"}, "message": {"type": "string"}}, "additionalProperties": false}}}, "additionalProperties": false}}, "additionalProperties": false}
            },
            "parameters": {
              "period": {"name": "period", "in": "query", "required": false, "schema": {"type": "string", "pattern": "^((19|20)[0-9]{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?|(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}[.][.](19|20)[0-9]{2}-[0-9]{2}-[0-9]{2})$"}, "description": "A quarter (2026-Q3), month (2026-11), year (2026) or FROM..TO; default the current quarter."}
            },
            "responses": {
              "Refused": {"description": "Refused, with why.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          },
          "paths": {
            "/api/v1/me": {
              "get": {
                "operationId": "me", "summary": "Who is signed in.",
                "responses": {
                  "200": {"description": "The signed-in person.", "content": {"application/json": {"schema": {"type": "object", "required": ["email", "name", "role"], "properties": {"email": {"type": "string"}, "name": {"type": "string"}, "role": {"type": "string"}}}}}},
                  "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/api/v1/actions": {
              "post": {
                "operationId": "logAction", "summary": "Log an action (advocacy log).",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LogRequest"}}}},
                "responses": {
                  "201": {"description": "Logged.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Action"}}}},
                  "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"},
                  "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"},
                  "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"},
                  "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/api/v1/actions/metrics": {
              "post": {
                "operationId": "recordMetrics", "summary": "Record an action's figures (advocacy metrics).",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MetricsRequest"}}}},
                "responses": {
                  "200": {"description": "The action with its figures.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Action"}}}},
                  "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"},
                  "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"},
                  "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"},
                  "429": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/api/v1/me/actions": {
              "get": {
                "operationId": "myActions", "summary": "My actions (advocacy action list --employee me).",
                "responses": {
                  "200": {"description": "Actions.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}}}}},
                  "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}
                }
              },
              "delete": {
                "operationId": "removeAction", "summary": "Remove one of my actions (advocacy action remove).",
                "parameters": [{"name": "url", "in": "query", "required": true, "schema": {"type": "string"}}],
                "responses": {
                  "200": {"description": "The action removed.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Action"}}}},
                  "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"},
                  "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"},
                  "429": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/api/v1/ranking": {
              "get": {
                "operationId": "ranking", "summary": "The ranking (advocacy rank --format json).",
                "parameters": [{"$ref": "#/components/parameters/period"}, {"name": "team", "in": "query", "required": false, "schema": {"type": "string"}, "description": "Only people of this team."}, {"name": "project", "in": "query", "required": false, "schema": {"type": "string"}, "description": "Only actions tagged with this project."}, {"name": "channel", "in": "query", "required": false, "schema": {"type": "string", "enum": ["blog", "linkedin", "x", "mastodon", "youtube", "github", "podcast", "internal", "talk", "other"]}, "description": "Only actions on channels of this kind."}, {"name": "tier", "in": "query", "required": false, "schema": {"type": "string", "enum": ["nano", "micro", "mid", "macro", "mega"]}, "description": "Only people of this audience tier."}, {"name": "by", "in": "query", "required": false, "schema": {"type": "string", "enum": ["person", "team", "project", "channel"]}, "description": "Rank people (default), or teams, projects or kinds of channel by the average score of their active advocates."}, {"name": "top", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1}, "description": "The first N only."}],
                "responses": {
                  "200": {"description": "The ranking.", "content": {"application/json": {"schema": {"type": "object", "required": ["by", "from", "items", "period", "policyVersion", "to", "weeks"], "properties": {"items": {"type": "array", "items": {"type": "object"}}, "period": {"type": "string"}, "policyVersion": {"type": "integer"}}}}}},
                  "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"},
                  "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/api/v1/me/explanation": {
              "get": {
                "operationId": "myExplanation", "summary": "My score explained (advocacy explain --format json).",
                "parameters": [{"$ref": "#/components/parameters/period"}],
                "responses": {
                  "200": {"description": "The explanation.", "content": {"application/json": {"schema": {"type": "object", "required": ["actions", "email", "from", "period", "policyVersion", "to"], "properties": {"actions": {"type": "array", "items": {"type": "object"}}, "email": {"type": "string"}}}}}},
                  "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"},
                  "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/api/v1/explanation": {
              "get": {
                "operationId": "explanation", "summary": "Anyone's score explained (cio, hr, admin).",
                "parameters": [{"name": "email", "in": "query", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/period"}],
                "responses": {
                  "200": {"description": "The explanation.", "content": {"application/json": {"schema": {"type": "object", "required": ["actions", "email", "from", "period", "policyVersion", "to"], "properties": {"actions": {"type": "array", "items": {"type": "object"}}, "email": {"type": "string"}}}}}},
                  "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"},
                  "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/api/v1/rewards/proposals": {
              "get": {
                "operationId": "rewardProposals", "summary": "The period's reward proposals (hr, admin).",
                "parameters": [{"$ref": "#/components/parameters/period"}],
                "responses": {
                  "200": {"description": "Proposals.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Proposal"}}}}},
                  "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"},
                  "403": {"$ref": "#/components/responses/Refused"}
                }
              },
              "post": {"operationId": "proposeRewards", "summary": "Propose rewards by merit, or preview them (advocacy rewards propose [--dry-run] --format json; hr, admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProposeRequest"}}}}, "responses": {"200": {"description": "The preview.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProposalRun"}}}}, "201": {"description": "The proposals made.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProposalRun"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/rewards/decisions": {
              "post": {
                "operationId": "decideRewards", "summary": "Approve, reject or grant proposals (hr; never one's own).",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DecisionRequest"}}}},
                "responses": {
                  "200": {"description": "The proposals decided.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Proposal"}}}}},
                  "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"},
                  "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"},
                  "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"},
                  "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}
                }
              }
            },
            "/api/v1/review": {
              "get": {"operationId": "reviewQueue", "summary": "The actions awaiting review (advocacy review list --format json; cio, admin).", "parameters": [{"name": "status", "in": "query", "required": false, "schema": {"type": "string", "enum": ["pending", "accepted", "partly-accepted", "rejected", "all"]}, "description": "Default pending (all with flag)."}, {"name": "figures", "in": "query", "required": false, "schema": {"type": "string", "enum": ["typed", "file", "api", "feed", "none"]}}, {"name": "employee", "in": "query", "required": false, "schema": {"type": "string", "format": "email"}, "description": "Only this author's actions."}, {"name": "flag", "in": "query", "required": false, "schema": {"type": "string", "enum": ["high-engagement", "busy-day", "links-without-figures", "rise-on-pending", "near-duplicate"]}}, {"$ref": "#/components/parameters/period"}], "responses": {"200": {"description": "Actions.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/review/decisions": {
              "post": {"operationId": "decideReview", "summary": "Accept or reject actions (advocacy review accept|reject; cio, admin; never one's own).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReviewDecisionRequest"}}}}, "responses": {"200": {"description": "The actions decided.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/flags/decisions": {
              "post": {"operationId": "decideFlag", "summary": "Clear or confirm a flag for gaming (advocacy review clear|confirm; cio, admin; never one's own).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FlagDecisionRequest"}}}}, "responses": {"200": {"description": "What the decision settled.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FlagDecision"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/me/channels": {
              "get": {"operationId": "myChannels", "summary": "My channels (advocacy channel list --format json).", "responses": {"200": {"description": "Channels.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Channel"}}}}}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}}},
              "post": {"operationId": "addChannel", "summary": "Register one of my channels (advocacy channel add).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChannelRequest"}}}}, "responses": {"201": {"description": "The channel.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Channel"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/me/wishes": {
              "get": {"operationId": "myWishes", "summary": "My reward wishes (advocacy rewards wish list --format json).", "responses": {"200": {"description": "Wishes, by rank.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Wish"}}}}}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}}},
              "post": {"operationId": "addWish", "summary": "Wish for a catalogue item (advocacy rewards wish CODE --rank N).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WishRequest"}}}}, "responses": {"200": {"description": "My wishes now.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Wish"}}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}},
              "delete": {"operationId": "removeWish", "summary": "Withdraw a wish (advocacy rewards wish remove).", "parameters": [{"name": "code", "in": "query", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "My wishes now.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Wish"}}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/me/privacy": {
              "get": {"operationId": "myPrivacy", "summary": "Whether my name is hidden and where my consent stands.", "responses": {"200": {"description": "My choices.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Privacy"}}}}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}}},
              "post": {"operationId": "changePrivacy", "summary": "Hide or show my name, give or withdraw consent (advocacy privacy hide|unhide|consent).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PrivacyRequest"}}}}, "responses": {"200": {"description": "My choices now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Privacy"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/me/data": {
              "get": {"operationId": "myData", "summary": "Everything held about me (advocacy privacy export).", "responses": {"200": {"description": "My data.", "content": {"application/json": {"schema": {"type": "object", "required": ["actions", "auditEntries", "channels", "clearances", "consent", "exportedAt", "exportedBy", "person", "proposals", "scoreRuns", "wishes"], "properties": {"exportedAt": {"type": "string"}, "exportedBy": {"type": "string"}, "person": {"type": "object"}, "consent": {"type": "object"}, "channels": {"type": "array", "items": {"type": "object"}}, "actions": {"type": "array", "items": {"type": "object"}}, "wishes": {"type": "array", "items": {"type": "object"}}, "clearances": {"type": "array", "items": {"type": "object"}}, "proposals": {"type": "array", "items": {"$ref": "#/components/schemas/Proposal"}}, "scoreRuns": {"type": "array", "items": {"type": "object"}}, "auditEntries": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}, "additionalProperties": false}}}}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/policy": {
              "get": {"operationId": "policy", "summary": "The policy in force (advocacy policy show --format json) and its version.", "responses": {"200": {"description": "The policy.", "content": {"application/json": {"schema": {"type": "object", "required": ["policy", "version"], "properties": {"policy": {"type": "object"}, "version": {"type": "integer"}}, "additionalProperties": false}}}}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}}},
              "put": {"operationId": "setPolicy", "summary": "Put a complete policy in force (advocacy policy set FILE.json; cio, admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "description": "A whole policy document, as GET /api/v1/policy answers it under policy."}}}}, "responses": {"200": {"description": "What changed.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PolicyUpdate"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/policy/history": {
              "get": {"operationId": "policyHistory", "summary": "Every version of the policy (advocacy policy history --format json).", "responses": {"200": {"description": "Versions, oldest first.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/PolicyVersion"}}}}}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/rewards/catalogue": {
              "get": {"operationId": "rewardCatalogue", "summary": "The reward catalogue (advocacy rewards catalog list --format json).", "responses": {"200": {"description": "Items.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/CatalogueEntry"}}}}}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}}},
              "post": {"operationId": "addRewardItem", "summary": "Add an item (advocacy rewards catalog add; hr, admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CatalogueItemRequest"}}}}, "responses": {"201": {"description": "The item.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CatalogueEntry"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}},
              "delete": {"operationId": "removeRewardItem", "summary": "Take an item out (advocacy rewards catalog remove; hr, admin).", "parameters": [{"name": "code", "in": "query", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "Removed, or retired when it was ever proposed.", "content": {"application/json": {"schema": {"type": "object", "required": ["code", "retired"], "properties": {"code": {"type": "string"}, "retired": {"type": "boolean"}}, "additionalProperties": false}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/rewards/budgets": {
              "get": {"operationId": "rewardBudgets", "summary": "Budgets and what is committed (advocacy rewards budget show; hr, cio, admin).", "parameters": [{"name": "period", "in": "query", "required": false, "schema": {"type": "string", "pattern": "^((19|20)[0-9]{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?|(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}[.][.](19|20)[0-9]{2}-[0-9]{2}-[0-9]{2})$"}, "description": "Only this period; default every one."}], "responses": {"200": {"description": "Budgets.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Budget"}}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}}},
              "put": {"operationId": "setRewardBudget", "summary": "Set a period's budget (advocacy rewards budget set; hr, admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BudgetRequest"}}}}, "responses": {"200": {"description": "The budget.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Budget"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/rewards/export": {
              "get": {"operationId": "rewardExport", "summary": "Proposals for payroll (advocacy rewards export --format json; hr, admin).", "parameters": [{"name": "period", "in": "query", "required": true, "schema": {"type": "string", "pattern": "^((19|20)[0-9]{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?|(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}[.][.](19|20)[0-9]{2}-[0-9]{2}-[0-9]{2})$"}, "description": "The period, like 2026-Q4."}, {"name": "status", "in": "query", "required": false, "schema": {"type": "string", "enum": ["approved", "granted", "all"]}, "description": "Default: approved and granted."}], "responses": {"200": {"description": "Rows.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ExportRow"}}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/employees": {
              "get": {"operationId": "employees", "summary": "The roster (advocacy employee list --format json; admin).", "parameters": [{"name": "team", "in": "query", "required": false, "schema": {"type": "string"}}], "responses": {"200": {"description": "Employees.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Employee"}}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}}},
              "post": {"operationId": "addEmployee", "summary": "Register an employee (advocacy employee add; admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EmployeeRequest"}}}}, "responses": {"201": {"description": "The employee.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Employee"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/projects": {
              "get": {"operationId": "projects", "summary": "The projects (advocacy project list --format json).", "responses": {"200": {"description": "Projects.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Project"}}}}}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}}},
              "post": {"operationId": "addProject", "summary": "Register a project (advocacy project add; admin).", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProjectRequest"}}}}, "responses": {"201": {"description": "The project.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Project"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/audit": {
              "get": {"operationId": "audit", "summary": "The audit trail's latest entries, oldest first (advocacy audit --format json; cio, hr, admin).", "parameters": [{"name": "since", "in": "query", "required": false, "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}, {"name": "actor", "in": "query", "required": false, "schema": {"type": "string", "format": "email"}}, {"name": "entity", "in": "query", "required": false, "schema": {"type": "string"}, "description": "employee, channel, action, rewardProposal..."}, {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1}, "description": "Default 200."}], "responses": {"200": {"description": "Entries.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/imports/{kind}": {
              "post": {"operationId": "importFile", "summary": "Import one of my export files, all or nothing (advocacy import; the /me/import page): the file's bytes as the body, with its own type.", "parameters": [{"name": "kind", "in": "path", "required": true, "schema": {"type": "string", "enum": ["x", "linkedin", "mastodon", "actions"]}}, {"name": "name", "in": "query", "required": false, "schema": {"type": "string"}, "description": "The file's name, for messages."}], "requestBody": {"required": true, "content": {"text/csv": {"schema": {"type": "string"}}, "application/zip": {"schema": {"type": "string", "format": "binary"}}, "application/json": {"schema": {}}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}}, "responses": {"200": {"description": "Imported: what each file brought in.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ImportOutcome"}}}}}, "422": {"description": "Refused, nothing written: the problems, with their lines.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ImportOutcome"}}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}, "404": {"$ref": "#/components/responses/Refused"}, "409": {"$ref": "#/components/responses/Refused"}, "413": {"$ref": "#/components/responses/Refused"}, "415": {"$ref": "#/components/responses/Refused"}, "429": {"$ref": "#/components/responses/Refused"}}}
            },
            "/api/v1/report": {
              "get": {"operationId": "report", "summary": "The CIO's report as advocacy report writes it (cio, hr, admin).", "parameters": [{"$ref": "#/components/parameters/period"}, {"name": "lang", "in": "query", "required": false, "schema": {"type": "string", "enum": ["fr", "en"]}, "description": "Default from Accept-Language."}], "responses": {"200": {"description": "One self-contained HTML document.", "content": {"text/html": {"schema": {"type": "string"}}}}, "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"}, "403": {"$ref": "#/components/responses/Refused"}}}
            }
          }
        }
        """
}
