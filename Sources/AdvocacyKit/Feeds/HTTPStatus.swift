/// The reason phrases of the statuses a feed server commonly answers.
enum HTTPStatus {
    static func phrase(_ status: Int) -> String? {
        switch status {
        case 204: "no content"
        case 301: "moved permanently"
        case 304: "not modified"
        case 400: "bad request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not found"
        case 410: "gone"
        case 429: "too many requests"
        case 500: "internal server error"
        case 502: "bad gateway"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        default: nil
        }
    }
}
