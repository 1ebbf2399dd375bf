using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace AlisCompliance.Functions.Tests.Invocation;

/// <summary>
/// The invocation context the Functions host hands a queue function, with the binding data it would bind for a message
/// (its dequeue count). The worker has no in-process test host, so the function classes are called with this directly.
/// </summary>
internal sealed class TestFunctionContext(string functionName, long dequeueCount, IServiceProvider services) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => functionName;

    public override TraceContext TraceContext => null!;

    public override BindingContext BindingContext { get; } = new QueueBindingContext(dequeueCount);

    public override RetryContext RetryContext => null!;

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => null!;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => null!;

    private sealed class QueueBindingContext(long dequeueCount) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } =
            ImmutableDictionary<string, object?>.Empty.Add("DequeueCount", dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
