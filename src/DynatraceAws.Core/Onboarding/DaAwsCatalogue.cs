using System.Collections.Generic;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>
    /// What da-aws 1.0.x accepts: its feature sets (the FeatureSetsType enum of the extension's schema;
    /// the names are irregular upstream, e.g. NATGateway_essential next to NatGateway_autodiscovery) and
    /// the regions of the aws partition. Tab completion offers these; the live list is the extension schema.
    /// </summary>
    public static class DaAwsCatalogue
    {
        public static IReadOnlyList<string> FeatureSets { get; } = new[]
        {
            "AWS_MWAA_autodiscovery", "AmazonMQ_autodiscovery", "AmazonMQ_essential", "Amazon_MWAA_autodiscovery",
            "ApiGateway_autodiscovery", "ApiGateway_essential", "AppRunner_autodiscovery", "AppRunner_essential",
            "AppStream_autodiscovery", "AppStream_essential", "AppSync_autodiscovery", "AppSync_essential",
            "ApplicationELB_autodiscovery", "ApplicationELB_essential", "Athena_autodiscovery", "Athena_essential",
            "AutoScaling_autodiscovery", "AutoScaling_essential", "Backup_autodiscovery", "Backup_essential",
            "Bedrock_AgentAlias_autodiscovery", "Bedrock_AgentAlias_essential", "Bedrock_Guardrail_essential",
            "Bedrock_Guardrails_autodiscovery", "Cassandra_autodiscovery", "Cassandra_essential",
            "CertificateManager_autodiscovery", "CertificateManager_essential", "CloudFront_autodiscovery",
            "CloudFront_essential", "CloudHSM_autodiscovery", "CloudHSM_essential", "CloudTrail_autodiscovery",
            "CloudTrail_essential", "CodeBuild_autodiscovery", "CodeBuild_essential", "Cognito_autodiscovery",
            "Cognito_essential", "Connect_autodiscovery", "Connect_essential", "ContainerInsights_autodiscovery",
            "ContainerInsights_essential", "DAX_autodiscovery", "DAX_essential", "DMS_autodiscovery", "DMS_essential",
            "DataSync_autodiscovery", "DataSync_essential", "DirectConnect_autodiscovery", "DirectConnect_essential",
            "DocDB_autodiscovery", "DocDB_essential", "DynamoDB_autodiscovery", "DynamoDB_essential",
            "EBS_autodiscovery", "EBS_essential", "EC2_autodiscovery", "EC2_essential", "ECR_autodiscovery",
            "ECR_essential", "ECS_ContainerInsights_autodiscovery", "ECS_ContainerInsights_essential",
            "ECS_ManagedScaling_autodiscovery", "ECS_autodiscovery", "ECS_essential", "EFS_autodiscovery",
            "EFS_essential", "EKS_autodiscovery", "EKS_essential", "ELB_autodiscovery", "ELB_essential",
            "EMR_EC2_autodiscovery", "EMR_EC2_essential", "EMR_Serverless_autodiscovery", "EMR_Serverless_essential",
            "ElastiCache_autodiscovery", "ElastiCache_essential", "ElasticBeanstalk_autodiscovery",
            "ElasticBeanstalk_essential", "Events_autodiscovery", "Events_essential", "FSx_autodiscovery",
            "FSx_essential", "Firehose_autodiscovery", "Firehose_essential", "GatewayELB_autodiscovery",
            "GlobalAccelerator_autodiscovery", "GlobalAccelerator_essential", "Glue_autodiscovery", "Glue_essential",
            "IPAM_essential", "KMS_essential", "Kafka_Connect_autodiscovery", "Kafka_Connect_essential",
            "Kafka_autodiscovery", "Kafka_essential", "KinesisAnalytics_ApacheFlink_autodiscovery",
            "KinesisAnalytics_ApacheFlink_essential", "KinesisDataStreams_autodiscovery", "KinesisDataStreams_essential",
            "Lambda_autodiscovery", "Lambda_essential", "Logs_autodiscovery", "Logs_essential", "MWAA_autodiscovery",
            "NATGateway_essential", "NatGateway_autodiscovery", "Neptune_autodiscovery", "Neptune_essential",
            "NetworkELB_autodiscovery", "NetworkELB_essential", "NetworkFirewall_autodiscovery",
            "NetworkFirewall_essential", "OpenSearch_Domain_autodiscovery", "OpenSearch_Domain_essential",
            "OpenSearch_Serverless_autodiscovery", "OpenSearch_Serverless_essential", "PrivateCA_autodiscovery",
            "PrivateCA_essential", "PrivateLinkEndpoints_autodiscovery", "PrivateLinkEndpoints_essential",
            "PrivateLinkServices_autodiscovery", "PrivateLinkServices_essential", "RDS_autodiscovery", "RDS_essential",
            "Redshift_autodiscovery", "Redshift_essential", "Route53_autodiscovery", "Route53_essential",
            "S3_autodiscovery", "S3_essential", "SNS_Topic_autodiscovery", "SNS_essential", "SQS_autodiscovery",
            "SQS_essential", "SageMakerEndpoint_autodiscovery", "SageMakerEndpoint_essential",
            "SageMakerInferenceComponent_autodiscovery", "SageMakerPipeline_autodiscovery", "SageMaker_autodiscovery",
            "SageMaker_essential", "StepFunctions_autodiscovery", "StepFunctions_essential",
            "StorageGateway_autodiscovery", "StorageGateway_essential", "TransitGateway_autodiscovery",
            "TransitGateway_essential", "VPN_SiteToSiteVPNConnection_autodiscovery",
            "VPN_SiteToSiteVPNConnection_essential", "WAFV2_essential", "WAFv2_autodiscovery",
        };

        /// <summary>The regions of the aws partition, from AWS's table; GovCloud and China are not supported by da-aws.</summary>
        public static IReadOnlyList<string> Regions => Aws.AwsPartition.Commercial.Regions;
    }
}
