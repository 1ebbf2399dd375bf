using AlisCompliance.Application.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace AlisCompliance.Functions.Functions;

/// <summary>Copies a use case's (or the gate's) <see cref="HttpAnswer"/> onto the worker's response as it is.</summary>
internal static class HttpAnswerResult
{
    public static ContentResult ToActionResult(this HttpAnswer answer) => new()
    {
        StatusCode = answer.StatusCode,
        ContentType = answer.ContentType,
        Content = answer.Body,
    };
}
