{{/* The name of the operator's objects: the release name, unless it already says simianviz. */}}
{{- define "simianviz.fullname" -}}
{{- if contains "simianviz" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-simianviz" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "simianviz.labels" -}}
app.kubernetes.io/name: simianviz-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "simianviz.selectorLabels" -}}
app.kubernetes.io/name: simianviz-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "simianviz.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

