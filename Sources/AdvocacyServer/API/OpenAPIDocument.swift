/// The JSON API's contract, OpenAPI 3.1, served at `/api/v1/openapi.json`
/// and checked against the live server by schemathesis in
/// `scripts/test.sh` (Tests/server/check-api.sh): every answer must fit it.
///
/// Written by hand rather than generated (swift-openapi-generator goes the
/// other way, from a document to Swift code, and would add a build plugin
/// and two runtime libraries for ten routes); the contract check keeps the
/// two in step.
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
              }
            },
            "parameters": {
              "period": {"name": "period", "in": "query", "required": false, "schema": {"type": "string"}, "description": "A quarter (2026-Q3), month (2026-11), year (2026) or FROM..TO; default the current quarter."}
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
                "parameters": [{"$ref": "#/components/parameters/period"}],
                "responses": {
                  "200": {"description": "The ranking.", "content": {"application/json": {"schema": {"type": "object", "required": ["by", "from", "items", "period", "policyVersion", "to", "weeks"], "properties": {"items": {"type": "array", "items": {"type": "object"}}, "period": {"type": "string"}, "policyVersion": {"type": "integer"}}}}}},
                  "400": {"$ref": "#/components/responses/Refused"}, "401": {"$ref": "#/components/responses/Refused"},
                  "403": {"$ref": "#/components/responses/Refused"}
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
              }
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
            }
          }
        }
        """
}
