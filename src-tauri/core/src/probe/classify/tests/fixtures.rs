//! Reply bodies and headers as the vendors document them.

pub const HTML_PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head>\n<body><h1>Corporate proxy</h1><p>Please sign in to continue.</p></body></html>\n";

// OpenAI (and OpenAI-compatible servers)

pub const OPENAI_OK: &str = r#"{"id":"chatcmpl-abc123","object":"chat.completion","created":1764000000,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}"#;
/// A reasoning model that spent its whole budget thinking: empty content, `length`.
pub const OPENAI_LENGTH: &str = r#"{"id":"chatcmpl-def456","object":"chat.completion","created":1764000000,"model":"o4-mini-2025-04-16","choices":[{"index":0,"message":{"role":"assistant","content":"","refusal":null},"finish_reason":"length"}],"usage":{"prompt_tokens":9,"completion_tokens":16,"total_tokens":25,"completion_tokens_details":{"reasoning_tokens":16}}}"#;
pub const OPENAI_STREAM: &str = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\ndata: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\ndata: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\n\ndata: [DONE]\n\n";
pub const OPENAI_STREAM_CUT: &str = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\ndata: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n";
pub const OPENAI_RATE_LIMIT: &str = r#"{"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-abc on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#;
pub const OPENAI_QUOTA: &str = r#"{"error":{"message":"You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#;
pub const OPENAI_SPEND_LIMIT: &str = r#"{"error":{"message":"Billing hard limit has been reached","type":"invalid_request_error","param":null,"code":"billing_hard_limit_reached"}}"#;
pub const OPENAI_BAD_KEY: &str = r#"{"error":{"message":"Incorrect API key provided: sk-proj-****************************abcd. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#;
pub const OPENAI_REGION: &str = r#"{"error":{"code":"unsupported_country_region_territory","message":"Country, region, or territory not supported","param":null,"type":"request_forbidden"}}"#;
pub const OPENAI_NO_MODEL: &str = r#"{"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}}"#;
pub const OPENAI_NO_ROUTE: &str = r#"{"error":{"message":"Invalid URL (POST /v1/chat/completion)","type":"invalid_request_error","param":null,"code":null}}"#;
pub const OPENAI_BAD_PARAM: &str = r#"{"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}"#;
pub const OPENAI_OVERLOADED: &str = r#"{"error":{"message":"The engine is currently overloaded, please try again later","type":"server_error","param":null,"code":null}}"#;
pub const OPENAI_SERVER_ERROR: &str = r#"{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}"#;
/// vLLM's error, at the top level.
pub const VLLM_NO_MODEL: &str = r#"{"object":"error","message":"The model `llama-9` does not exist.","type":"NotFoundError","param":null,"code":404}"#;
pub const OLLAMA_NO_MODEL: &str = r#"{"error":{"message":"model \"llama9\" not found, try pulling it first","type":"api_error","param":null,"code":null}}"#;
/// OpenRouter keeps the connection open with comments before the first event.
pub const OPENROUTER_STREAM: &str = ": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\ndata: {\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
pub const OPENAI_MODELS: &str = r#"{"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"}]}"#;
pub const OPENAI_429_HEADERS: &[(&str, &str)] = &[
    ("content-type", "application/json"),
    ("retry-after", "20"),
    ("x-ratelimit-limit-requests", "3"),
    ("x-ratelimit-limit-tokens", "40000"),
    ("x-ratelimit-remaining-requests", "0"),
    ("x-ratelimit-remaining-tokens", "39850"),
    ("x-ratelimit-reset-requests", "19.2s"),
    ("x-ratelimit-reset-tokens", "225ms"),
];

// Azure OpenAI

pub const AZURE_FILTERED: &str = r#"{"id":"chatcmpl-x","object":"chat.completion","choices":[{"index":0,"finish_reason":"content_filter","message":{"role":"assistant","content":null},"content_filter_results":{"hate":{"filtered":true,"severity":"medium"}}}]}"#;
pub const AZURE_NO_DEPLOYMENT: &str = r#"{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}"#;
pub const AZURE_BAD_KEY: &str = r#"{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}"#;
pub const AZURE_RATE_LIMIT: &str = r#"{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds."}}"#;
pub const AZURE_QUOTA: &str = r#"{"error":{"code":"InsufficientQuota","message":"The quota for this deployment has been exhausted."}}"#;
pub const AZURE_NO_ROUTE: &str = r#"{"error":{"code":"404","message":"Resource not found"}}"#;
pub const AZURE_429_HEADERS: &[(&str, &str)] = &[
    ("content-type", "application/json"),
    ("retry-after", "6"),
    ("retry-after-ms", "6000"),
    ("x-ratelimit-remaining-requests", "0"),
    ("x-ratelimit-remaining-tokens", "0"),
];

// Anthropic

pub const ANTHROPIC_OK: &str = r#"{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Hello!"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":6}}"#;
pub const ANTHROPIC_MAX_TOKENS: &str = r#"{"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Hello, I can"}],"stop_reason":"max_tokens","stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":1}}"#;
pub const ANTHROPIC_STREAM: &str = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_reason\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\nevent: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\nevent: ping\ndata: {\"type\":\"ping\"}\n\nevent: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\nevent: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":1}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
pub const ANTHROPIC_STREAM_CUT: &str = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}\n\nevent: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n";
pub const ANTHROPIC_STREAM_OVERLOADED: &str = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}\n\nevent: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
pub const ANTHROPIC_OVERLOADED: &str = r#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}"#;
pub const ANTHROPIC_RATE_LIMIT: &str = r#"{"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization of 50 requests per minute."}}"#;
pub const ANTHROPIC_BAD_KEY: &str =
    r#"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#;
pub const ANTHROPIC_PERMISSION: &str = r#"{"type":"error","error":{"type":"permission_error","message":"Your API key does not have permission to use the specified resource."}}"#;
pub const ANTHROPIC_NO_MODEL: &str =
    r#"{"type":"error","error":{"type":"not_found_error","message":"model: claude-9-opus"}}"#;
pub const ANTHROPIC_NO_ROUTE: &str =
    r#"{"type":"error","error":{"type":"not_found_error","message":"Not Found"}}"#;
pub const ANTHROPIC_BAD_REQUEST: &str = r#"{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}"#;
pub const ANTHROPIC_NO_CREDIT: &str = r#"{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}"#;
pub const ANTHROPIC_BILLING: &str = r#"{"type":"error","error":{"type":"billing_error","message":"There is an issue with your account's billing."}}"#;
pub const ANTHROPIC_API_ERROR: &str =
    r#"{"type":"error","error":{"type":"api_error","message":"Internal server error"}}"#;
pub const ANTHROPIC_MODELS: &str = r#"{"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"}],"has_more":false,"first_id":"claude-sonnet-4-5","last_id":"claude-sonnet-4-5"}"#;
pub const ANTHROPIC_OK_HEADERS: &[(&str, &str)] = &[
    ("content-type", "application/json"),
    ("anthropic-ratelimit-requests-limit", "50"),
    ("anthropic-ratelimit-requests-remaining", "49"),
    ("anthropic-ratelimit-requests-reset", "2026-11-24T12:00:05Z"),
    ("anthropic-ratelimit-tokens-remaining", "39000"),
    ("anthropic-ratelimit-tokens-reset", "2026-11-24T12:00:01Z"),
];

// Gemini

pub const GEMINI_OK: &str = r#"{"candidates":[{"content":{"parts":[{"text":"Hello!"}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":2,"candidatesTokenCount":2,"totalTokenCount":4},"modelVersion":"gemini-2.5-flash"}"#;
/// A thinking model that used its budget: no content at all, `MAX_TOKENS`.
pub const GEMINI_MAX_TOKENS: &str = r#"{"candidates":[{"content":{"role":"model"},"finishReason":"MAX_TOKENS","index":0}],"usageMetadata":{"promptTokenCount":2,"totalTokenCount":17,"thoughtsTokenCount":15},"modelVersion":"gemini-2.5-flash"}"#;
pub const GEMINI_BLOCKED: &str = r#"{"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[]},"usageMetadata":{"promptTokenCount":2,"totalTokenCount":2}}"#;
pub const GEMINI_STREAM: &str = "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hel\"}],\"role\": \"model\"},\"index\": 0}]}\r\n\r\ndata: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"lo\"}],\"role\": \"model\"},\"finishReason\": \"MAX_TOKENS\",\"index\": 0}]}\r\n\r\n";
pub const GEMINI_STREAM_CUT: &str = "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hel\"}],\"role\": \"model\"},\"index\": 0}]}\r\n\r\n";
pub const GEMINI_UNAVAILABLE: &str = r#"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#;
pub const GEMINI_EXHAUSTED: &str = r#"{"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"17s"}]}}"#;
pub const GEMINI_NO_CREDITS: &str = r#"{"error":{"code":429,"message":"Your prepayment credits are depleted. Please go to AI Studio at https://ai.studio/projects to manage your project and billing.","status":"RESOURCE_EXHAUSTED"}}"#;
pub const GEMINI_BAD_KEY: &str = r#"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}}"#;
pub const GEMINI_PERMISSION: &str = r#"{"error":{"code":403,"message":"Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.","status":"PERMISSION_DENIED"}}"#;
pub const GEMINI_NO_MODEL: &str = r#"{"error":{"code":404,"message":"models/gemini-9-pro is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.","status":"NOT_FOUND"}}"#;
pub const GEMINI_BAD_ARGUMENT: &str = r#"{"error":{"code":400,"message":"* GenerateContentRequest.contents: contents is not specified\n","status":"INVALID_ARGUMENT"}}"#;
pub const GEMINI_INTERNAL: &str = r#"{"error":{"code":500,"message":"An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting","status":"INTERNAL"}}"#;
pub const GEMINI_MODELS: &str = r#"{"models":[{"name":"models/gemini-2.5-flash","displayName":"Gemini 2.5 Flash","supportedGenerationMethods":["generateContent","countTokens"]}],"nextPageToken":"abc"}"#;

// Bedrock (Converse)

pub const BEDROCK_OK: &str = r#"{"output":{"message":{"role":"assistant","content":[{"text":"Hello!"}]}},"stopReason":"end_turn","usage":{"inputTokens":8,"outputTokens":3,"totalTokens":11},"metrics":{"latencyMs":412}}"#;
pub const BEDROCK_MAX_TOKENS: &str = r#"{"output":{"message":{"role":"assistant","content":[{"text":"Hel"}]}},"stopReason":"max_tokens","usage":{"inputTokens":8,"outputTokens":1,"totalTokens":9},"metrics":{"latencyMs":300}}"#;
pub const BEDROCK_THROTTLED: &str =
    r#"{"message":"Too many requests, please wait before trying again."}"#;
pub const BEDROCK_THROTTLE_HEADERS: &[(&str, &str)] = &[
    ("content-type", "application/json"),
    (
        "x-amzn-errortype",
        "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/",
    ),
];
pub const BEDROCK_UNAVAILABLE: &str = r#"{"message":"Bedrock is unable to process your request."}"#;
pub const BEDROCK_UNAVAILABLE_HEADERS: &[(&str, &str)] = &[
    ("content-type", "application/json"),
    (
        "x-amzn-errortype",
        "ServiceUnavailableException:http://internal.amazon.com/coral/com.amazon.bedrock/",
    ),
];
pub const BEDROCK_NOT_READY: &str = r#"{"__type":"ModelNotReadyException","message":"Model is not ready to serve inference requests. The AWS SDK will automatically retry the operation up to 5 times."}"#;
pub const BEDROCK_QUOTA: &str = r#"{"__type":"com.amazon.coral.service#ServiceQuotaExceededException","message":"Your request exceeds the service quota for your account."}"#;
pub const BEDROCK_BAD_MODEL: &str =
    r#"{"__type":"ValidationException","message":"The provided model identifier is invalid."}"#;
pub const BEDROCK_NOT_FOUND: &str = r#"{"__type":"ResourceNotFoundException","message":"Model not found: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-9"}"#;
pub const BEDROCK_VALIDATION: &str = r#"{"__type":"ValidationException","message":"A conversation must start with a user message. Try again with a conversation that starts with a user message."}"#;
pub const BEDROCK_ACCESS_DENIED: &str = r#"{"__type":"AccessDeniedException","message":"You don't have access to the model with the specified model ID."}"#;
pub const BEDROCK_BAD_TOKEN: &str = r#"{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}"#;
pub const BEDROCK_MODEL_TIMEOUT: &str = r#"{"__type":"ModelTimeoutException","message":"Model has timed out in processing the request. Try your request again."}"#;
pub const BEDROCK_INTERNAL: &str =
    r#"{"__type":"InternalServerException","message":"The server encountered an internal error."}"#;
pub const BEDROCK_MODELS: &str = r#"{"modelSummaries":[{"modelArn":"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0","modelId":"anthropic.claude-3-haiku-20240307-v1:0","providerName":"Anthropic"}]}"#;
