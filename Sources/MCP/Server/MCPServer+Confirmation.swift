import JSON

/// The confirmation closure a call's ``ToolCallContext`` carries.
typealias ConfirmationAsker = @Sendable (ConfirmationPrompt) async -> ConfirmationDecision

extension MCPServer {
    /// How a legacy-era call asks for confirmation: an `elicitation/create` request to a client
    /// that declared elicitation in `initialize`; `nil` (nobody to ask) otherwise.
    func legacyConfirmation(revision: ProtocolRevision) -> ConfirmationAsker? {
        guard session.withLock({ $0.canElicit }) else { return nil }
        return { [self] prompt in await askClient(prompt, revision: revision) }
    }

    /// Sends `elicitation/create` for `prompt` and waits for the person's answer.
    ///
    /// The call's cancellation, or no answer within ``ServerConfiguration/confirmationTimeout``,
    /// withdraws the question with `notifications/cancelled` naming its id (either side may cancel
    /// its own requests in the legacy revisions) and declines. The end of input declines too.
    func askClient(_ prompt: ConfirmationPrompt, revision: ProtocolRevision) async -> ConfirmationDecision {
        let id = questions.makeID()
        let params = prompt.elicitationParams(includeMode: revision >= .v2025_11_25)
        let bytes = OutgoingMessage.request(id: .string(id), method: "elicitation/create", params: params)
        logger.info("asking the client to confirm \(prompt.tool) (request \(id))")
        let answer = await questions.ask(id, timeout: configuration.confirmationTimeout) { transport.send(bytes) }
        switch answer {
        case .result(let result):
            return ConfirmationPrompt.decision(fromElicitResult: result)
        case .error(let error):
            let message = String((error["message"]?.stringValue ?? "an error").prefix(200))
            return .declined(reason: "the client could not ask the person (\(ConfirmationPrompt.visible(message)))")
        case .withdrawn:
            withdraw(id, reason: "the tool call was cancelled")
            return .declined(reason: "the call was cancelled")
        case .notAsked:
            return .declined(reason: "the call was cancelled")
        case .timedOut:
            let minutes = max(1, configuration.confirmationTimeout.components.seconds / 60)
            withdraw(id, reason: "no answer within \(minutes) minutes")
            return .declined(reason: "no answer came within \(minutes) minutes")
        case .closed:
            return .declined(reason: "the client's input ended before an answer came")
        }
    }

    /// Tells the client to drop question `id`.
    private func withdraw(_ id: String, reason: String) {
        let params: JSONObject = ["requestId": .string(id), "reason": .string(reason)]
        transport.send(OutgoingMessage.notification("notifications/cancelled", params: .object(params)))
    }

    /// Routes a client's response to the question it answers; others are logged and dropped.
    func receiveResponse(id: JSONValue, outcome: Result<JSONValue, ClientError>) {
        let answer: PendingQuestions.Answer
        switch outcome {
        case .success(let result): answer = .result(result)
        case .failure(let error): answer = .error(error.value)
        }
        guard let key = id.stringValue, questions.resolve(key, with: answer) else {
            logger.debug("ignored a response to \(id.encoded()), which is no open question of this server")
            return
        }
    }

    /// How a 2026-07-28 call asks for confirmation, after redeeming the retry's `requestState`.
    ///
    /// A retry's `requestState` must be one this process sealed for this tool and these exact
    /// arguments, unexpired and unused (else -32602, and nothing runs); its `inputResponses.confirm`
    /// (an elicitation result) then decides. Without an answer the question goes back as
    /// `input_required` when the client declared form elicitation, else nobody can be asked.
    func modernConfirmation(
        _ request: RPCRequest, params: JSONObject, tool: String, arguments: JSONObject
    ) -> Result<ConfirmationAsker, RPCError> {
        let canElicit = Self.elicitsForms(request.meta?[MetaKey.clientCapabilities])
        let fallback: ConfirmationDecision = canElicit ? .deferred : .unavailable
        guard let stateValue = params["requestState"] else { return .success { _ in fallback } }
        guard let token = stateValue.stringValue else {
            return .failure(.invalidParams("requestState must be a string"))
        }
        let answer: ConfirmationDecision?
        switch Self.confirmationAnswer(params["inputResponses"]) {
        case .success(let decision): answer = decision
        case .failure(let error): return .failure(error)
        }
        let digest = ConfirmationPrompt.digest(arguments)
        if case .failure(let refusal) = states.redeem(token, tool: tool, digest: digest) {
            logger.warning("refused the requestState of a \(tool) call: \(refusal.message)")
            return .failure(.invalidParams(refusal.message))
        }
        return .success { prompt in
            guard prompt.tool == tool, prompt.argumentsDigest == digest else { return fallback }
            return answer ?? fallback
        }
    }

    /// The `input_required` result asking the client to confirm `prompt`, with its sealed state.
    func inputRequired(_ prompt: ConfirmationPrompt) -> ResultBody {
        var result = JSONObject()
        result["resultType"] = "input_required"
        let question: JSONObject = [
            "method": "elicitation/create", "params": prompt.elicitationParams(includeMode: true),
        ]
        result["inputRequests"] = .object([ConfirmationPrompt.field: .object(question)])
        result["requestState"] = .string(states.mint(for: prompt))
        return ResultBody(result)
    }

    /// The person's decision in a retry's `inputResponses`, `nil` when it holds none; -32602
    /// when `inputResponses` or its `confirm` entry is not what was asked for.
    private static func confirmationAnswer(_ value: JSONValue?) -> Result<ConfirmationDecision?, RPCError> {
        guard let value else { return .success(nil) }
        guard let responses = value.objectValue else {
            return .failure(.invalidParams("inputResponses must be an object"))
        }
        guard let response = responses[ConfirmationPrompt.field] else { return .success(nil) }
        guard let action = response["action"]?.stringValue, ["accept", "decline", "cancel"].contains(action) else {
            return .failure(.invalidParams("inputResponses.confirm must be an elicitation result"))
        }
        return .success(ConfirmationPrompt.decision(fromElicitResult: response))
    }

    /// Whether client capabilities declare form-mode elicitation (`elicitation: {}` counts as form).
    static func elicitsForms(_ capabilities: JSONValue?) -> Bool {
        guard let elicitation = capabilities?["elicitation"]?.objectValue else { return false }
        return elicitation.isEmpty || elicitation["form"] != nil
    }
}
